export { login, type LoginRequest, type LoginResult } from './login';
export { ensureAdmin, type AdminBootstrap } from './bootstrap';
export { resolveSession, revokeSession, createSession, type Session, type SessionLookup } from './sessions';
export { enrolDevice, revokeDevice, listDevices, findDeviceByToken, type Device } from './devices';
export { createUser, listUsers, getUser, updateUser, type User, type NewUser, type UserChange } from './users';
export { hashPassword, verifyPassword, randomPassword } from './password';
export { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './rate-limit';
export { changeOwnPassword } from './password-change';
