import { MAX_FIND_LIMIT, type DocumentStore, type StoredDoc } from '../store/store-port';

/**
 * Documents by id in one request per 1000 ids (`_id in [...]`, served by the `_id` index), however many are
 * asked for: on WeChat Cloud every `get` is a billed round trip, so N lookups must not become N requests.
 * Missing ids are simply absent from the map; repeated and empty ids are asked for once or not at all.
 */
export const getManyById = async <T extends StoredDoc>(store: DocumentStore, collection: string, ids: Iterable<string | null | undefined>): Promise<Map<string, T>> => {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
  const chunks: string[][] = [];
  for (let i = 0; i < wanted.length; i += MAX_FIND_LIMIT) chunks.push(wanted.slice(i, i + MAX_FIND_LIMIT));
  const found = new Map<string, T>();
  // A single id is a plain get: the same one request, and the by-id path every adapter optimises.
  if (wanted.length === 1) {
    const doc = await store.get<T>(collection, wanted[0]);
    if (doc) found.set(doc._id, doc);
    return found;
  }
  const pages = await Promise.all(chunks.map((chunk) => store.find<T>(collection, { where: { _id: { in: chunk } }, limit: chunk.length })));
  for (const page of pages) for (const doc of page) found.set(doc._id, doc);
  return found;
};
