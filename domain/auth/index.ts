export { deviceTokenIn } from './device-token';
export { ROLES, isRole, type Role } from './roles';
export { SIGNING_ROLES, signingRolesGranted } from './separation';
export { backoffSeconds, secondsUntil, windowStart, type BackoffRule } from './sign-in-backoff';
export { USERNAME_PATTERN, canBeUsername } from './username';
export { judgeReEnrolment, type EnrolmentLink, type ReEnrolmentRefusal, type ReEnrolmentVerdict } from './re-enrolment';
