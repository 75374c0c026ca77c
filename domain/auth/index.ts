export { ROLES, isRole, type Role } from './roles';
