export { replyCodeKey, replyCodeKeyFromAnchor, type ReplyCodeKey } from './codes';
export { answerReplyCode, openReplyCode, type PublicReply, type PublicReplyView } from './public-reply';
export { issueLetter, issueReplyCodes, listLetters, replyUrl, type LetterRequest } from './service';
