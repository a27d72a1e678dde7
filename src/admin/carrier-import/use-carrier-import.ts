import { adminCarrierImportContract } from '../../../domain/api/admin.contracts';
import { call } from '../../services/api-client';
import { useSpreadsheetImport } from '../use-spreadsheet-import';

/** The carrier import: the shared upload → dry run → apply (→ continue) steps on `admin.carrier.import`. */
export const useCarrierImport = () => useSpreadsheetImport((input) => call(adminCarrierImportContract, input));
