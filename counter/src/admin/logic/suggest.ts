/**
 * 调度建议 for the board: the rule lives in shared/overflowSuggest.ts, where the server's 排队预警
 * text takes its suggestion from too (one copy, the same answer on the screen and in the SMS).
 */
export { MAX_SUGGESTIONS, suggestionKey, suggestOverflow, type SuggestInput, type Suggestion } from '../../../../shared/overflowSuggest';
