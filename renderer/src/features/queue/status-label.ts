import type { TicketStatus } from '../../../../shared/model/levels';

export const STATUS_LABEL: Record<TicketStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending_acceptance: 'Pending acceptance',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};
