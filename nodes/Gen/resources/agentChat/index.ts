import { resourceOperations } from '../../shared/descriptions';
import { ask } from './ask';
import { approve, reject } from './decide';
import { getRun } from './getRun';
import { runIdField } from './shared';

export const agentChatDescription = resourceOperations('agentChat', [approve, ask, getRun, reject], 'ask', [runIdField]);
