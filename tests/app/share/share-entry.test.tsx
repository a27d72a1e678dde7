import { fireEvent, render, screen } from '@testing-library/react';
import { ShareEntry } from '../../../src/components/share-entry';

describe('ShareEntry', () => {
  it('offers the owner the editor, the poster and the numbers, and raises one event per tap', () => {
    const onEditCard = jest.fn();
    const onPoster = jest.fn();
    const onStats = jest.fn();
    render(<ShareEntry onEditCard={onEditCard} onPoster={onPoster} onStats={onStats} />);
    expect(screen.getByText('分享与名片')).toBeTruthy();
    fireEvent.click(screen.getByTestId('share-entry-edit'));
    fireEvent.click(screen.getByTestId('share-entry-poster'));
    fireEvent.click(screen.getByTestId('share-entry-poster'));
    fireEvent.click(screen.getByTestId('share-entry-stats'));
    expect([onEditCard.mock.calls.length, onPoster.mock.calls.length, onStats.mock.calls.length]).toEqual([1, 2, 1]);
    expect(screen.getByText('编辑名片')).toBeTruthy();
    expect(screen.getByText('生成海报')).toBeTruthy();
    expect(screen.getByText('名片数据')).toBeTruthy();
  });
});
