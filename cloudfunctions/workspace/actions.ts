import type { ActionTable } from '../_lib/define-action';
import { addNoteAction } from './add-note';
import { assignLeadAction } from './assign-lead';
import { bindInviteAction } from './bind-invite';
import { inboxAction } from './inbox';
import { leadMatchesAction } from './lead-matches';
import { leadDetailAction } from './lead-detail';
import { replyLeadAction } from './reply-lead';
import { revealContactAction } from './reveal-contact';
import { transitionLeadAction } from './transition-lead';
import { setLeadFactsAction } from './set-lead-facts';
import { confirmStageAction } from './confirm-stage';
import { poolClaimAction } from './pool-claim';
import { listEventsAction } from './list-events';
import { saveEventAction } from './save-event';
import { firstReportAction } from './first-report';
import { raiseDisputeAction } from './raise-dispute';
import { addParticipantAction } from './add-participant';
import { shareParticipantContactAction } from './share-participant-contact';
import { removeParticipantAction } from './remove-participant';

/** Staff workspace: every action re-checks district and unit scope on the lead it touches. */
export const workspaceActions: ActionTable = [inboxAction, leadDetailAction, revealContactAction, transitionLeadAction, addNoteAction, replyLeadAction, assignLeadAction, bindInviteAction, leadMatchesAction, setLeadFactsAction, confirmStageAction, poolClaimAction, listEventsAction, saveEventAction, firstReportAction, raiseDisputeAction, addParticipantAction, shareParticipantContactAction, removeParticipantAction];
