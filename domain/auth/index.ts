export { deviceTokenIn } from './device-token';
export { ROLES, isRole, type Role } from './roles';
