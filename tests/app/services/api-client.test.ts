import * as v from 'valibot';
import { getCardContract, searchCarriersContract } from '../../../domain/api/public-read.contracts';
import { CardViewSchema } from '../../../domain/api/views.schema';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { ApiError, call, createApiClient, setApiTransport, type ApiTransport } from '../../../src/services/api-client';
import { aCardView, failResult, okResult } from '../support/card-view.mother';

const transportAnswering = (answer: () => Promise<unknown>) => {
  const send = jest.fn<ReturnType<ApiTransport['send']>, Parameters<ApiTransport['send']>>(answer);
  return { send };
};

const caught = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
};

describe('api client', () => {
  it('uses seed-like data that passes the view schema (guards the other tests)', () => {
    expect(v.safeParse(CardViewSchema, aCardView()).success).toBe(true);
  });

  it('validates the input before sending: an invalid request never reaches the transport', async () => {
    const transport = transportAnswering(() => Promise.resolve(okResult(aCardView())));
    const client = createApiClient(transport);

    const badId = await caught(client.call(getCardContract, { cardId: 'no spaces allowed' }));
    expect(badId.code).toBe('VALIDATION.INVALID_INPUT');
    expect(badId.message).toBe(ERROR_MESSAGES['VALIDATION.INVALID_INPUT']);
    expect(badId.fields).toEqual(['cardId']);

    const badShare = await caught(client.call(getCardContract, { shareCode: 'short' }));
    expect(badShare.fields).toEqual(['shareCode']);

    // Strict request objects refuse unknown keys too.
    const extra = await caught(client.call(getCardContract, { cardId: 'card_1', debug: true } as never));
    expect(extra.code).toBe('VALIDATION.INVALID_INPUT');

    expect(transport.send).not.toHaveBeenCalled();
  });

  it('sends {action, input} to the contract’s function and returns the validated response', async () => {
    const card = aCardView();
    const transport = transportAnswering(() => Promise.resolve(okResult(card)));
    const client = createApiClient(transport);

    const data = await client.call(getCardContract, { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' });

    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(transport.send).toHaveBeenCalledWith('public-read', { action: 'card.get', input: { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' } });
    expect(data).toEqual(card);
    // Typed by the contract: this line would not compile if ResponseOf were wrong.
    const name: string = data.district.name;
    expect(name).toBe('临江新区');
  });

  it('turns {ok: false} into an ApiError with the backend’s code, Chinese message and fields', async () => {
    const client = createApiClient(transportAnswering(() => Promise.resolve(failResult('CARD.NOT_FOUND', '未找到该名片，可能已下线'))));
    const error = await caught(client.call(getCardContract, {}));
    expect(error.code).toBe('CARD.NOT_FOUND');
    expect(error.message).toBe('未找到该名片，可能已下线');

    const withFields = createApiClient(
      transportAnswering(() => Promise.resolve({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT', message: '提交的内容格式不正确，请检查后重试', fields: ['keyword'] } })),
    );
    const fieldsError = await caught(withFields.call(searchCarriersContract, { districtId: 'district_1' }));
    expect(fieldsError.fields).toEqual(['keyword']);
  });

  it('falls back to the standard message when the backend sends none, and to INTERNAL.UNEXPECTED for unknown codes', async () => {
    const noMessage = createApiClient(transportAnswering(() => Promise.resolve({ ok: false, error: { code: 'RATE.LIMITED' } })));
    const limited = await caught(noMessage.call(getCardContract, {}));
    expect(limited.code).toBe('RATE.LIMITED');
    expect(limited.message).toBe(ERROR_MESSAGES['RATE.LIMITED']);

    const unknown = createApiClient(transportAnswering(() => Promise.resolve(failResult('SOMETHING.NEW', 'x'))));
    const unexpected = await caught(unknown.call(getCardContract, {}));
    expect(unexpected.code).toBe('INTERNAL.UNEXPECTED');
    expect(unexpected.message).toBe(ERROR_MESSAGES['INTERNAL.UNEXPECTED']);
  });

  it.each([
    ['data missing required fields', okResult({ cardId: 'card_1' })],
    ['data of the wrong type', okResult({ ...aCardView(), highlightedCarriers: 'none' })],
    ['no envelope at all', aCardView()],
    ['nothing (H5 cloud stub)', undefined],
    ['a string', 'Internal Server Error'],
  ])('rejects a malformed response (%s) with a typed error', async (_case, answer) => {
    const client = createApiClient(transportAnswering(() => Promise.resolve(answer)));
    const error = await caught(client.call(getCardContract, {}));
    expect(error.code).toBe('INTERNAL.UNEXPECTED');
    expect(error.message).toBe(ERROR_MESSAGES['INTERNAL.UNEXPECTED']);
  });

  it('reports a transport failure as NETWORK.FAILED', async () => {
    const client = createApiClient(transportAnswering(() => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await caught(client.call(getCardContract, {}));
    expect(error.code).toBe('NETWORK.FAILED');
    expect(error.message).toBe('网络连接失败，请检查网络后重试');
  });

  it('passes on an ApiError a transport raised itself', async () => {
    const client = createApiClient(transportAnswering(() => Promise.reject(new ApiError('STORE.UNAVAILABLE'))));
    expect((await caught(client.call(getCardContract, {}))).code).toBe('STORE.UNAVAILABLE');
  });

  it('lets tests swap the transport behind call() and restore it', async () => {
    const card = aCardView();
    const restore = setApiTransport(transportAnswering(() => Promise.resolve(okResult(card))));
    await expect(call(getCardContract, {})).resolves.toEqual(card);
    restore();
    // Without a platform transport (jest loads the plain fallback) a call fails as a network failure.
    expect((await caught(call(getCardContract, {}))).code).toBe('NETWORK.FAILED');
  });
});
