import type { Carrier } from '../../../domain/carrier/carrier.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, FindQuery } from '../store/store-port';

const C = COLLECTIONS.carriers.name;

export const getCarrier = (store: DocumentStore, id: string) => store.get<Carrier>(C, id);

export const findCarriers = (store: DocumentStore, query: FindQuery) => store.find<Carrier>(C, query);
