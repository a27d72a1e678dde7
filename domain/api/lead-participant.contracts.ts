import * as v from 'valibot';
import { id } from '../common/text';
import { defineContract } from './contract';

/** What became of one carrier's manager: brought in, already in, not possible (external manager or no usable account), no such carrier in the lead's district, or the lead is full. */
export const BRING_OUTCOMES = ['added', 'already', 'no_account', 'not_found', 'full'] as const;
export type BringOutcome = (typeof BRING_OUTCOMES)[number];

/** A carrier manager on a lead, as the handler's «载体管理员» section lists them. */
export const LeadParticipantViewSchema = v.object({
  staffId: v.string(),
  name: v.string(),
  carrierId: v.string(),
  carrierName: v.nullable(v.string()),
  addedAt: v.string(),
  /** Who brought them in; null: the inquiry came from the carrier's page. */
  addedByName: v.nullable(v.string()),
  contactShared: v.boolean(),
});
export type LeadParticipantView = v.InferOutput<typeof LeadParticipantViewSchema>;

const ParticipantsResponse = v.object({ participants: v.array(LeadParticipantViewSchema) });

/**
 * 请载体管理员参与: the handler brings the manager of a carrier of the lead's district into the lead. Once per
 * person (`added` false when they already were); an external manager (no account) cannot be brought in.
 */
export const addParticipantContract = defineContract({
  name: 'lead.addParticipant',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), carrierId: id() }),
  response: v.object({ added: v.boolean(), participants: v.array(LeadParticipantViewSchema) }),
});

/** 共享联系方式 / 取消共享: the handler lets one participant reveal the investor's contact, or stops it (audited). */
export const shareParticipantContactContract = defineContract({
  name: 'lead.shareParticipantContact',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), staffId: id(), shared: v.boolean() }),
  response: ParticipantsResponse,
});

/** 移出: the handler (or an admin) takes a participant off the lead (audited). */
export const removeParticipantContract = defineContract({
  name: 'lead.removeParticipant',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), staffId: id() }),
  response: ParticipantsResponse,
});

export const LEAD_PARTICIPANT_CONTRACTS = [addParticipantContract, shareParticipantContactContract, removeParticipantContract] as const;
