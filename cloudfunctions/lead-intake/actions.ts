import type { ActionTable } from '../_lib/define-action';
import { claimLeadAction } from './claim-lead';
import { issueChallengeAction } from './issue-challenge';
import { listMyLeadsAction } from './list-my-leads';
import { privacyNoticeAction } from './privacy-notice';
import { privacyMineAction, privacyRequestAction } from './privacy-request';
import { submitLeadAction } from './submit-lead';
import { submitEventInquiryAction } from './submit-event-inquiry';

/** Investor-side lead actions: intake and 我的咨询. */
export const leadIntakeActions: ActionTable = [submitLeadAction, listMyLeadsAction, privacyNoticeAction, issueChallengeAction, claimLeadAction, privacyRequestAction, privacyMineAction, submitEventInquiryAction];
