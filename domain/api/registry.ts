import type { Contract } from './contract';
import { cardStatsContract, createShareContract, getMyCardContract, recordVisitContract, shareQrContract, updateMyCardContract } from './sharing.contracts';
import { claimLeadContract, listMyLeadsContract, privacyNoticeContract, submitLeadContract, webChallengeContract } from './lead.contracts';
import { addNoteContract, assignLeadContract, bindInviteContract, inboxContract, leadDetailContract, replyLeadContract, revealContactContract, transitionLeadContract } from './workspace.contracts';
import { leadMatchesContract, matchCarriersContract } from './matching.contracts';
import { ADMIN_CONTRACTS } from './admin.contracts';
import { CARRIER_PHOTO_CONTRACTS } from './carrier-photo.contracts';
import { confirmStageContract, firstReportContract, raiseDisputeContract, setLeadFactsContract } from './lead-facts.contracts';
import { adjustArenaContract, arenaContract, dashboardContract, decideDisputeContract, disputesContract, reportLeadsContract, setWeightsContract, weightsContract } from './report.contracts';
import { PRIVACY_CONTRACTS } from './privacy.contracts';
import { poolClaimContract } from './workspace.contracts';
import { bulletinFileContract, bulletinsContract, reportExportContract } from './report.contracts';
import { getCardContract, getCarrierContract, listDirectoryContract, searchCarriersContract, whoAmIContract } from './public-read.contracts';
import { listEventsContract, saveEventContract, submitEventInquiryContract } from './event.contracts';
import { heatmapContract } from './heatmap.contracts';
import { LEAD_PARTICIPANT_CONTRACTS } from './lead-participant.contracts';
import { SHARE_IMAGE_CONTRACTS } from './share-image.contracts';

/** Every backend action, once. The runner, the bundler, the client and the tests all read this list. */
export const CONTRACTS = [
  getCardContract,
  searchCarriersContract,
  getCarrierContract,
  listDirectoryContract,
  whoAmIContract,
  submitLeadContract,
  listMyLeadsContract,
  privacyNoticeContract,
  inboxContract,
  leadDetailContract,
  revealContactContract,
  transitionLeadContract,
  addNoteContract,
  replyLeadContract,
  assignLeadContract,
  bindInviteContract,
  recordVisitContract,
  createShareContract,
  shareQrContract,
  getMyCardContract,
  updateMyCardContract,
  cardStatsContract,
  matchCarriersContract,
  leadMatchesContract,
  ...ADMIN_CONTRACTS,
  ...CARRIER_PHOTO_CONTRACTS,
  webChallengeContract,
  claimLeadContract,
  setLeadFactsContract,
  confirmStageContract,
  dashboardContract,
  reportLeadsContract,
  arenaContract,
  ...PRIVACY_CONTRACTS,
  poolClaimContract,
  listEventsContract,
  saveEventContract,
  submitEventInquiryContract,
  firstReportContract,
  raiseDisputeContract,
  disputesContract,
  decideDisputeContract,
  reportExportContract,
  bulletinsContract,
  bulletinFileContract,
  weightsContract,
  setWeightsContract,
  heatmapContract,
  ...LEAD_PARTICIPANT_CONTRACTS,
  adjustArenaContract,
  ...SHARE_IMAGE_CONTRACTS,
] as const satisfies readonly Contract[];

export type AnyContract = (typeof CONTRACTS)[number];

const byName = new Map<string, Contract>(CONTRACTS.map((c) => [c.name, c]));
export const findContract = (name: string): Contract | undefined => byName.get(name);
