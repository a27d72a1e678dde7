import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { groupByIndustry, groupByUnit, industriesOf } from '../../../src/inquiry/directory/use-directory';
import { aCardView } from '../support/card-view.mother';
import { aDirectory, installBackend } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

const DirectoryPage = (require('../../../src/inquiry/directory/index') as typeof import('../../../src/inquiry/directory/index')).default;

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => Taro.resetJourneyMock({ districtId: 'district_linjiang', cardId: 'card_wang', channel: 'chat' }, '/inquiry/directory/index'));
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const groupTitles = () => screen.getAllByTestId('directory-group').map((g) => g.querySelector('.section-block__title')?.textContent);

describe('directory grouping', () => {
  it('groups by unit in unit order, leaving out units with nobody', () => {
    expect(groupByUnit(aDirectory()).map((g) => [g.title, g.people.map((p) => p.name)])).toEqual([
      ['临江区投资促进局', ['林致远', '周若岚']],
      ['临江区科学技术局', ['王书恒']],
    ]);
  });

  it('groups by industry focus, most-covered first; a person may appear twice', () => {
    const people = aDirectory().people;
    expect(industriesOf(people)).toEqual(['数字经济', '先进制造', '生物医药', '人工智能']);
    expect(groupByIndustry(people)[0]).toMatchObject({ title: '数字经济', people: [{ name: '林致远' }, { name: '周若岚' }] });
  });
});

describe('directory page', () => {
  it('lists people by unit and by industry; an entry opens that person’s card', async () => {
    backend = installBackend({ 'directory.list': () => aDirectory(), 'card.get': () => aCardView() });
    render(<DirectoryPage />);
    await waitFor(() => expect(groupTitles()).toEqual(['临江区投资促进局', '临江区科学技术局']));
    expect(backend.inputsOf('directory.list')).toEqual([{ districtId: 'district_linjiang' }]);

    fireEvent.click(screen.getByTestId('directory-mode-industry'));
    expect(groupTitles()).toEqual(['数字经济', '先进制造', '生物医药', '人工智能']);
    fireEvent.click(screen.getAllByText('人工智能')[0]);
    expect(groupTitles()).toEqual(['人工智能']);

    fireEvent.click(within(screen.getByTestId('directory-group')).getByText('王书恒'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/card/index?cardId=card-wang2' });
  });
  it('keeps the filter chips’ room while the people load, so the list does not jump when they arrive', async () => {
    let answer: (value: unknown) => void = () => undefined;
    backend = installBackend({ 'directory.list': () => new Promise((resolve) => (answer = resolve)), 'card.get': () => aCardView() });
    const { container } = render(<DirectoryPage />);
    const reserved = () => container.querySelector('.directory-page__chips--reserved');
    await waitFor(() => expect(backend?.inputsOf('directory.list')).toHaveLength(1));
    expect(reserved()?.getAttribute('aria-hidden')).toBe('true');
    expect(reserved()?.textContent).toBe('全部');
    answer(aDirectory());
    await waitFor(() => expect(groupTitles()).toHaveLength(2));
    expect(reserved()).toBeNull();
    expect(container.querySelector('.directory-page__chips')).not.toBeNull();
  });
});
