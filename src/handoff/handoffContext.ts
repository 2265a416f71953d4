// Why a handoff happens and how urgent it is: the `handoff.initiate` value is `{ reason, urgency, summary }`.
export type HandoffReason = 'risk' | 'askedForPerson' | 'concernChosePerson' | 'conversationComplete';
export type HandoffUrgency = 'routine' | 'soon' | 'immediate';
