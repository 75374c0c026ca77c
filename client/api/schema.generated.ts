// The server's API as TypeScript types, generated from its OpenAPI document by
// `npm run api:types` (openapi-typescript). Do not edit: a test fails when this file and the
// server's routes disagree.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, database kind and server version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The server and its database answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; a handheld also sends its enrolment token in X-Lotline-Device */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-lotline-device"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResponse"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Wrong user name or password, or the device is unknown or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The account is disabled, or locked after failed signatures */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed attempts for this account or from this address: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user of this session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                            expiresAt: string;
                            deviceId: string | null;
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (the only call allowed while a first password must be changed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordChange"];
                };
            };
            responses: {
                /** @description Changed; other sessions of this user are ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: components["schemas"]["User"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewUser"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The user name is taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change roles, name, locale, active flag or password (with the version you saw); not your own roles or password */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserChange"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed by someone else meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the lock after failed signatures and any sign-in backoff of a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Unlock"];
                };
            };
            responses: {
                /** @description Unlocked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock exceptions raised by ops, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Exceptions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exceptions: components["schemas"]["StockException"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exceptions/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept, adjust with a counter-move, or reverse the op */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "accept" | "adjust" | "reverse";
                        reason: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Resolved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StockException"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such exception */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Resolved or changed by someone else */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description This resolution does not fit the exception */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ops by device and status, newest first */
        get: {
            parameters: {
                query?: {
                    deviceId?: string;
                    status?: "queued" | "applied" | "exception" | "rejected" | "cancelled";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ops */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ops: components["schemas"]["OpSummary"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per device: last user, ops today, rejected ops, open exceptions, and why its pushes fail if they do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Device health */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            devices: {
                                deviceId: string;
                                lastUser: string | null;
                                opsToday: number;
                                rejectedOps: number;
                                openExceptions: number;
                                pushFailing: {
                                    code: string;
                                    message: string;
                                    at: string;
                                    failures: number;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent change events for the console */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enrolled handhelds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Devices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            devices: components["schemas"]["Device"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Enrol a handheld; the token is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Enrolled */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device: components["schemas"]["Device"];
                            token: string;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a handheld: its sessions end at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such device */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already revoked */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/devices/replace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that this handheld's enrolment replaces its previous one
         * @description Sent by a handheld enrolled again, with its new token in X-Lotline-Device and the previous token in the body: ops it queued under the previous device id are then still its own. The previous enrolment may be revoked; one still active is revoked now. Written once and audited (`device.replaces`); the same request again answers the same.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-lotline-device"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        previousToken: string;
                    };
                };
            };
            responses: {
                /** @description Recorded, now or by an earlier request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device: components["schemas"]["Device"];
                            previous: components["schemas"]["Device"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The previous enrolment was replaced by another, this one already replaces another, or the two would replace each other */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The previous token belongs to no device, or is this device's own */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit trail, newest first; filter by entity */
        get: {
            parameters: {
                query?: {
                    entityType?: string;
                    entityId?: string;
                    /** @description Rows with seq below this (paging) */
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Audit rows */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: components["schemas"]["AuditRow"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain, check it against the signed checkpoints and the lots, and report every break */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Verification result */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerification"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Domain events after a position, in commit order (the outbox the relay publishes) */
        get: {
            parameters: {
                query?: {
                    /** @description The last position already read */
                    after?: number | null;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: components["schemas"]["DomainEvent"][];
                            next: number;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions (without their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Subscriptions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscriptions: components["schemas"]["WebhookSubscription"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to events; the answer carries the signing secret, shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewWebhookSubscription"];
                };
            };
            responses: {
                /** @description Subscribed */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"] & {
                            secret: string;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause deliveries (nothing is dropped) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume deliveries */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every matching event after a position (undelivered ones are superseded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fromPosition: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Replaying */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such subscription */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries given up after every attempt, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dead letters */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deadLetters: components["schemas"]["WebhookDeadLetter"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/dead-letters/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a dead letter back in its queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued again */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such dead letter */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/qc/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lots in quarantine waiting for a QC decision */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Inspection queue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lots: components["schemas"]["QcQueueEntry"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release, hold, reject, recall or dispose of a lot under an electronic signature */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        to: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                        reason: string;
                        /** @enum {string} */
                        meaning: "reviewed" | "approved" | "released" | "rejected";
                        password: string;
                        version: number;
                        results?: {
                            test: string;
                            value: string;
                            unit?: string | null;
                            pass?: boolean | null;
                        }[];
                        attachments?: string[];
                    };
                };
            };
            responses: {
                /** @description The lot changed status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lotId: string;
                            /** @enum {string} */
                            from: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                            /** @enum {string} */
                            to: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                            version: number;
                            signature: components["schemas"]["Signature"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The lot changed meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The status machine refuses this change */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lot's timeline from the ledger and the audit log */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Timeline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: components["schemas"]["LotHistoryEvent"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forward trace (finished lots, stock, customers) or backward trace (components, supplier lots) */
        get: {
            parameters: {
                query?: {
                    direction?: "forward" | "backward";
                    depth?: number;
                    serial?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Trace */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Trace"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload QC evidence (the raw file as the body); answers its SHA-256 */
        post: {
            parameters: {
                query: {
                    name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sha256: string;
                            size: number;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download QC evidence by its SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sha256: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expiry and near-expiry alerts */
        get: {
            parameters: {
                query?: {
                    open?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alerts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: components["schemas"]["LotAlert"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Acknowledged */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the expiry job now (it also runs daily by itself) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the job did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            today: string;
                            expired: string[];
                            nearExpiryAlerts: number;
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items (products) with their GTINs */
        get: {
            parameters: {
                query?: {
                    gtin?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Items */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Item"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock locations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Locations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            locations: components["schemas"]["Location"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lots, filtered by status, item or lot number */
        get: {
            parameters: {
                query?: {
                    status?: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                    gtin?: string;
                    lotNumber?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Lots */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lots: components["schemas"]["Lot"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lot with its balances by location */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The lot */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lot: components["schemas"]["Lot"];
                            balances: components["schemas"]["Balance"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such lot */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work orders, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Work orders */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workOrders: components["schemas"]["WorkOrder"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Open a work order; its finished lot is numbered at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number?: string;
                        gtin: string;
                        plannedQty?: number;
                        lineCode?: string;
                    };
                };
            };
            responses: {
                /** @description Opened */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrder"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown item */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Customers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customers: components["schemas"]["Customer"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a customer with the least shelf life it accepts and its address for recall letters */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @default 0 */
                        minShelfLifeDays?: number;
                        address?: string;
                    };
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/number-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lot, serial and document number rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rules */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: components["schemas"]["NumberRule"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a number rule (checked: unique per period, at most 20 GS1 characters) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        kind: "lot" | "serial" | "document";
                        pattern: string;
                        /** @enum {string} */
                        reset: "day" | "month" | "year" | "never";
                        /** @default  */
                        siteCode?: string;
                        /** @default  */
                        lineCode?: string;
                        /**
                         * @default none
                         * @enum {string}
                         */
                        check?: "none" | "mod10" | "mod37";
                    };
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NumberRule"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The rule cannot make unique GS1 numbers */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rfid-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest print runs with RFID labels, newest first, each with printed = encoded + voided + uncertain */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Runs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs: components["schemas"]["RfidRun"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/print-jobs/{id}/rfid/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle an RFID label in doubt: the EPC read from its tag binds the serial when it is the one written, else voids it; a destroyed label voids it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "tag_read";
                        /** @description The EPC read from the physical tag with a reader or wedge */
                        epc: string;
                        reason: string;
                    } | {
                        /** @enum {string} */
                        action: "destroyed";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Settled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            serial: string;
                            epc: string;
                            epcRead: string | null;
                            /** @enum {string} */
                            outcome: "encoded" | "voided";
                            /** @enum {string|null} */
                            reason: "wrong_tag" | "destroyed" | null;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/printers/{id}/rfid-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a printer's RFID policy: retry at all, how many labels to retry (over the template's), how long to wait for a read-back */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PrinterRfidPolicyChange"];
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            rfidPolicy: components["schemas"]["PrinterRfidPolicy"];
                            version: number;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/printers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Printers with their live state, queue and jobs in doubt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Printers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            printers: components["schemas"]["Printer"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a printer (raw TCP, usually port 9100) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        host: string;
                        /** @default 9100 */
                        port?: number;
                        /** @default 203 */
                        dpi?: 203 | 300 | 600;
                        locationCode?: string | null;
                        /** @description A CJK font file installed on the printer; leave it out and Chinese text is drawn by the server */
                        cjkFont?: string | null;
                        alertAfterSeconds?: number;
                        rfidPolicy?: components["schemas"]["PrinterRfidPolicyChange"];
                    };
                };
            };
            responses: {
                /** @description Registered */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Printer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Label templates, every version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Templates */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            templates: components["schemas"]["LabelTemplateVersion"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Save a new draft version (layout or raw ZPL with {{field}} placeholders), checked on save */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Draft saved */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelTemplateVersion"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** QC approves a draft under an electronic signature; the previous approved version retires */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Approved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelTemplateVersion"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a version: it no longer prints */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Retired */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelTemplateVersion"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from another version to this one */
        get: {
            parameters: {
                query: {
                    from: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: components["schemas"]["LabelTemplateVersion"];
                            to: components["schemas"]["LabelTemplateVersion"];
                            changes: {
                                /** @enum {string} */
                                change: "changed" | "added" | "removed";
                                path: string;
                                before?: unknown;
                                after?: unknown;
                            }[];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The label as it will print: its ZPL and a PNG drawn from it, for a lot or sample data */
        get: {
            parameters: {
                query?: {
                    lotId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            zpl: string;
                            png: string;
                            data: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/print-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Print jobs, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "queued" | "printing" | "in_printer" | "printed" | "uncertain" | "cancelled" | "voided";
                    lotId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Jobs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: components["schemas"]["PrintJob"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Print labels for a lot with an approved template; serials come from the item's number rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lotId: string;
                        template: string;
                        printer: string;
                        quantity: number;
                    };
                };
            };
            responses: {
                /** @description Queued */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runId: string;
                            jobIds: string[];
                            serials: string[];
                            printerId: string;
                            templateVersion: number;
                            /** @description Printed, but worth a look: e.g. an item with no UDI device record to check the label against */
                            warnings: string[];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/print-jobs/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle a job in doubt: it printed, print it again, or cancel it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "printed" | "reprint" | "cancel";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Settled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/print-jobs/{id}/reprint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reprint a printed label: marked as a reprint, with its reason, audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        printer?: string;
                    };
                };
            };
            responses: {
                /** @description Queued */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/print-runs/{id}/rfid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFID reconciliation of a print run: labels printed = tags encoded + serials voided */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reconciliation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TagReconciliation"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/print-jobs/{id}/rfid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFID reconciliation of one job: every label it printed and what each tag read back as */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reconciliation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TagReconciliation"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rfid/{epc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scanned RFID tag (EPC hex from a reader or wedge): the unit it names and whether its serial belongs to this tag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    epc: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tag */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TagLookup"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emulator/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch the emulated printer: offline, paper out, head open, paused, drop the next job after N bytes, RFID tag answers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        online?: boolean;
                        paperOut?: boolean;
                        headOpen?: boolean;
                        paused?: boolean;
                        dropAfterBytes?: number | null;
                        /**
                         * @description What labels' RFID tags read back as: the EPC written, the previous label's, no tag (VOID), cut short, or garbage
                         * @enum {string}
                         */
                        rfid?: "written" | "previous" | "no_tag" | "short" | "garbage" | "silent" | "cut";
                        /** @description What the tags of the next labels read back as, one each, before rfid applies again */
                        rfidNext?: ("written" | "previous" | "no_tag" | "short" | "garbage" | "silent" | "cut")[];
                    };
                };
            };
            responses: {
                /** @description State */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emulator/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the emulated printer printed, newest first, with PNG renders */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Formats */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            formats: {
                                seq: number;
                                receivedAt: string;
                                labels: number;
                                printed: boolean;
                                zpl: string;
                                /** @description PNG (base64) drawn from the ZPL; null when it could not be drawn */
                                png: string | null;
                            }[];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/template-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items assigned to label templates, each with how the approved version agrees with its UDI device record */
        get: {
            parameters: {
                query?: {
                    template?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Assignments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LabelTemplateItem"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Assign an item to a template: approving the template's versions is checked against the item's DI record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        template: string;
                        itemId: string;
                    };
                };
            };
            responses: {
                /** @description Assigned */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LabelTemplateItem"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/template-items/{template}/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an item off a template */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    template: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Taken off */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi-label-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which jurisdictions refuse a label for a UDI-DI whose data is not published */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiLabelSettings"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Change which jurisdictions refuse a label for an unpublished UDI-DI (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Jurisdictions whose rule "DI data published before sale" the plant is held to; a label for an unpublished UDI-DI is refused under any of them */
                        publishBeforeSale: ("GUDID" | "EUDAMED" | "NMPA")[];
                    };
                };
            };
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiLabelSettings"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/{collection}/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes after a checkpoint, in commit-safe order */
        get: {
            parameters: {
                query?: {
                    xid?: string;
                    id?: string;
                    limit?: number;
                    /** @description The device has stored everything up to the checkpoint: at the end of the lots, that acknowledges the recall holds among them */
                    stored?: "true";
                };
                header?: never;
                path: {
                    collection: "items" | "locations" | "lots" | "balances" | "picklists" | "printers" | "templates" | "recalls" | "containers" | "inbound" | "ops";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of documents and the checkpoint after it; heldBack: newer rows wait for an older transaction, pull again shortly */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            documents: {
                                [key: string]: unknown;
                            }[];
                            checkpoint: {
                                xid: string;
                                id: string;
                            } | null;
                            heldBack?: boolean;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The client speaks an older sync format */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/ops/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send ops; answers with the server copy of every op whose assumed state was wrong */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assumedMasterState?: {
                            [key: string]: unknown;
                        } | null;
                        newDocumentState: {
                            [key: string]: unknown;
                        };
                    }[];
                };
            };
            responses: {
                /** @description Conflicting master documents (empty when all were taken) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        }[];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The client speaks an older sync format */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: `resync` when opened, then `changed` with the collections to pull */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/picklists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pick lists */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "picking" | "done" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Pick lists */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pickLists: components["schemas"]["PickList"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a pick list for the handhelds */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        customerCode?: string | null;
                        toLocationCode: string;
                        lines: {
                            gtin: string;
                            qty: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PickList"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The number is taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A consistent backup of the embedded database while the server runs (lotline backup --url) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The backup file: a manifest line, then the payload */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.lotline.backup": string;
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The database is PostgreSQL: use pg_dump */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drawn consignees of open cases who have not answered and whose next step is due, or who were never contacted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The follow-up worklist */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            escalations: components["schemas"]["RecallDueEscalation"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/effectiveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draw of consignees to check, what each check found, every contact, whether the consignee answered and the next escalation step with when it is due */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The effectiveness checks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallEffectiveness"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/effectiveness/draw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draw the consignees to check by the case's level, reproducibly from a seed (the case id unless given); made once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallEffectivenessDraw"];
                };
            };
            responses: {
                /** @description The draw made before with the same seed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallEffectiveness"];
                    };
                };
                /** @description The draw, just made */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallEffectiveness"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is not open or recovering, or drew its consignees with another seed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a consignee of the case, not drawn for checks, a check that contradicts itself, or a contact not yet made */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/effectiveness/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what a check of a drawn consignee found: reached, notice received, instructions followed, quantity on hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallEffectivenessCheck"];
                };
            };
            responses: {
                /** @description The checks after the result */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallEffectiveness"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is not open or recovering, or drew its consignees with another seed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a consignee of the case, not drawn for checks, a check that contradicts itself, or a contact not yet made */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/effectiveness/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an attempt to reach a drawn consignee at a step of the ladder (repeat contact, registered letter, visit) and when it was made */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallConsigneeContact"];
                };
            };
            responses: {
                /** @description The checks after the contact */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallEffectiveness"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is not open or recovering, or drew its consignees with another seed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a consignee of the case, not drawn for checks, a check that contradicts itself, or a contact not yet made */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every live case's regulatory clocks (due day, working days left, state) and the open deadline alerts, for the dashboard */
        get: {
            parameters: {
                query?: {
                    on?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Clocks per case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            today: string;
                            leadDays: number;
                            cases: components["schemas"]["RecallCaseClocks"][];
                            alerts: components["schemas"]["RecallDeadlineAlert"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the reports name as manufacturer, the deadline alert lead in working days, and the plant corrections to the regulators' holiday calendars */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: components["schemas"]["RecallSettingsAnswer"];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the recall settings (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallSettings"];
                };
            };
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: components["schemas"]["RecallSettingsAnswer"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A report for a jurisdiction the case does not name, or a date outside the case */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/deadlines/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the deadline alert job now (it also runs every few minutes by itself) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What the job raised */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            today: string;
                            raised: number;
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a deadline alert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Acknowledged */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No open alert with that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/drills/last": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest mock recall, for the dashboard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The drill, or null before the first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            drill: components["schemas"]["RecallDrill"] | null;
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/drills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a mock recall: scope, consignee list and mass balance against a stopwatch; holds nothing and sends nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scope: components["schemas"]["RecallScopeInput"];
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description The drill */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            drill: components["schemas"]["RecallDrill"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/drill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A drill case's stopwatch and result */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The drill */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            drill: components["schemas"]["RecallDrill"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case's regulatory clocks and what was recorded as done */
        get: {
            parameters: {
                query?: {
                    on?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The clocks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clocks: components["schemas"]["RecallCaseClocks"];
                            events: components["schemas"]["RecallCaseEvent"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the notices went out or a report was filed, on the day it happened: the clock waiting for it is met */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "letters_sent" | "report_submitted";
                        /** @enum {string} */
                        deadline: "fda_correction_report" | "nmpa_event_report" | "nmpa_notice" | "nmpa_assessment_and_plan" | "nmpa_summary_report" | "eu_fsca_report" | "eu_incident_report";
                        on?: string;
                        method?: string;
                        count?: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The event */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event: components["schemas"]["RecallCaseEvent"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case has not opened */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A report for a jurisdiction the case does not name, or a date outside the case */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/reports/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report of the case as PDF or CSV: status (7.53), fda-806, nmpa-event, nmpa-progress, nmpa-summary, eu-fsca, or drill */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "text/csv": string;
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case has not opened */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A report for a jurisdiction the case does not name, or a date outside the case */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recall cases, newest first */
        get: {
            parameters: {
                query?: {
                    state?: "draft" | "open" | "recovering" | "closed" | "cancelled";
                    drill?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cases */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: components["schemas"]["RecallCase"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Start a recall case (a draft) from one scope input */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        healthHazard?: string;
                        classes?: {
                            /** @enum {string|null} */
                            fda?: "I" | "II" | "III" | null;
                            nmpa?: 1 | 2 | 3 | null;
                            euFsca?: boolean;
                        };
                        /** @enum {string|null} */
                        depth?: "wholesale" | "retail" | "user" | null;
                        strategy?: string;
                        effectiveness?: {
                            /** @enum {string} */
                            level: "A" | "B" | "C" | "D" | "E";
                            percent?: number | null;
                        } | null;
                        jurisdictions?: ("US" | "CN" | "EU")[];
                        scope: components["schemas"]["RecallScopeInput"];
                        ownerId?: string;
                        drill?: boolean;
                    };
                };
            };
            responses: {
                /** @description Every lot of the scope is already held by this open case: the request joined it, and no draft was made */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: components["schemas"]["RecallCase"];
                            /** @enum {boolean} */
                            joined: true;
                        };
                    };
                };
                /** @description The draft */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: components["schemas"]["RecallCase"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A lot of the scope is held by another open case, or the case changed meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The terms or the step are refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/scope": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a recall of this input would reach now: lots, stock, shipments, consignees and the mass balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scope: components["schemas"]["RecallScopeInput"];
                    };
                };
            };
            responses: {
                /** @description The scope */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallScope"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A lot of the scope is held by another open case, or the case changed meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The terms or the step are refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recall case with its signed steps and the scope it froze when it opened */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: components["schemas"]["RecallCase"];
                            transitions: components["schemas"]["RecallStep"][];
                            scope: components["schemas"]["RecallFrozenScope"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/flagged-ops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ops booked on the case's held lots by handhelds that had not yet heard of the hold (a pick, a move, a shipment), each a stock exception naming the case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The flagged ops, in the order the handhelds did them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exceptions: components["schemas"]["StockException"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/scope-diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the case input reaches today against the scope the case froze: lots reached since or no longer, consignees shipped more or less */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The differences */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallScopeDiff"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case has not frozen a scope yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the case under an electronic signature: freeze the scope and hold every lot in it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        meaning: "reviewed" | "approved" | "released" | "rejected";
                        reason: string;
                        password: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description The case after the step */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallStepOutcome"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A lot of the scope is held by another open case, or the case changed meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The terms or the step are refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the case to another state under an electronic signature */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        to: "draft" | "open" | "recovering" | "closed" | "cancelled";
                        /** @enum {string} */
                        meaning: "reviewed" | "approved" | "released" | "rejected";
                        reason: string;
                        password: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description The case after the step */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallStepOutcome"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the scope input matches nothing */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A lot of the scope is held by another open case, or the case changed meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The terms or the step are refused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per consignee: shipped, returned, destroyed, corrected, on hand, lost, the gap and its signed explanation; flagged returns and dispositions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The closure report figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: components["schemas"]["RecallCase"];
                            reconciliation: components["schemas"]["RecallReconciliation"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a consignee's answer: quantity on hand, returned, destroyed, corrected, lost and passed on to whom */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallConsigneeReply"];
                };
            };
            responses: {
                /** @description The consignee's figures after the answer */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consignee: components["schemas"]["RecallReconciledConsignee"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is not recovering (draft, closed or cancelled) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a consignee of the case, a lot outside its scope, a witness who is the signer, more than came back, or no gap to explain */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What becomes of returned recalled units (destroy, rework, relabel, return to supplier), signed by QA and witnessed by a second user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallDisposition"];
                };
            };
            responses: {
                /** @description The disposition with both signatures */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            disposition: components["schemas"]["RecallRecordedDisposition"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is not recovering (draft, closed or cancelled) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a consignee of the case, a lot outside its scope, a witness who is the signer, more than came back, or no gap to explain */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/gap-explanations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Explain and sign a consignee's gap so the case can close */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecallGapExplanation"];
                };
            };
            responses: {
                /** @description The consignee's figures with the explanation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consignee: components["schemas"]["RecallReconciledConsignee"];
                            signature: components["schemas"]["Signature"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is not recovering (draft, closed or cancelled) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a consignee of the case, a lot outside its scope, a witness who is the signer, more than came back, or no gap to explain */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each consignee of the case: its reply code (issued, answered when) and the letters printed for it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The letters */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallCaseLetters"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the customer is not its consignee */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is a draft, closed, cancelled or a drill: no letters go out for it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Issue the one-time reply code of every consignee that has none yet (never replaces one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The letters */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallCaseLetters"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the customer is not its consignee */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is a draft, closed, cancelled or a drill: no letters go out for it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/letters/{customerId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A consignee's recall letter for one jurisdiction as PDF (FDA 7.49, NMPA notice or EU FSN), with its reply code, link and QR */
        get: {
            parameters: {
                query: {
                    jurisdiction: "US" | "CN" | "EU";
                    lang?: "en" | "zh-CN";
                };
                header?: never;
                path: {
                    id: string;
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The letter (application/pdf) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the customer is not its consignee */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is a draft, closed, cancelled or a drill: no letters go out for it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A jurisdiction the case is not reported in, or nothing shipped to the consignee */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/letters/{customerId}/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same letter as a printable page (text/html with print CSS) */
        get: {
            parameters: {
                query: {
                    jurisdiction: "US" | "CN" | "EU";
                    lang?: "en" | "zh-CN";
                };
                header?: never;
                path: {
                    id: string;
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The letter (text/html) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case, or the customer is not its consignee */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The case is a draft, closed, cancelled or a drill: no letters go out for it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A jurisdiction the case is not reported in, or nothing shipped to the consignee */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/recall-replies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a consignee's reply code opens, without a login: the case number, and the products, lots and quantities shipped to that consignee only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The consignee’s shipment of the case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No reply is waiting for that code (nothing about any case is told) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The code was already answered with, or the case takes no more answers */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many codes tried from this address; Retry-After says when to try again */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** A consignee answers by code, once: quantities on hand, returned, destroyed and passed on to whom */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PublicRecallReply"];
                };
            };
            responses: {
                /** @description The answer was recorded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNumber: string;
                            answeredAt: string;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No reply is waiting for that code (nothing about any case is told) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The code was already answered with, or the case takes no more answers */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The answer cannot be a count */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many codes tried from this address; Retry-After says when to try again */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recalls/{id}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every active handheld and whether it has the case's holds: when it acknowledged them, or when it was last seen */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The devices, those with the holds and those without */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecallHoldDevices"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such case */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every KPI over the period [from, to): its label, unit and formula, its figure, and the inputs it was computed from */
        get: {
            parameters: {
                query?: {
                    /** @description First plant day of the period (YYYY-MM-DD); 30 days before `to` when absent */
                    from?: string;
                    /** @description The day after the period (YYYY-MM-DD, exclusive), at the latest tomorrow; tomorrow when absent */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The KPIs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: components["schemas"]["KpiPeriod"];
                            kpis: components["schemas"]["Kpi"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A day that is not a date, from not before to, a period past today or longer than three years; details.field names the parameter */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kpis/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One KPI over the period [from, to), with the inputs it was computed from */
        get: {
            parameters: {
                query?: {
                    /** @description First plant day of the period (YYYY-MM-DD); 30 days before `to` when absent */
                    from?: string;
                    /** @description The day after the period (YYYY-MM-DD, exclusive), at the latest tomorrow; tomorrow when absent */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The KPI */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: components["schemas"]["KpiPeriod"];
                            kpi: components["schemas"]["Kpi"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No KPI with that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A day that is not a date, from not before to, a period past today or longer than three years; details.field names the parameter */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site's stock by status and warehouse (and, for one warehouse, by location, paged) with value at standard cost; expiry buckets, near-expiry, ageing, dead stock, long holds and negative balances; and the asOf token naming the state shown */
        get: {
            parameters: {
                query?: {
                    site?: string;
                    warehouse?: string;
                    /** @description With warehouse=: the byLocation.next cursor of the previous page */
                    after?: string;
                    /** @description With warehouse=: place rows per page of byLocation */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dashboard */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dashboard: components["schemas"]["StockDashboard"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such site */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/stock/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The balance rows behind one figure, a page at a time; with the asOf of the summary it was opened from, says whether the stock changed since */
        get: {
            parameters: {
                query: {
                    site?: string;
                    warehouse?: string;
                    figure: "on_hand" | "expiry" | "near_expiry" | "ageing" | "dead_stock" | "long_hold" | "negative";
                    bucket?: string;
                    location?: string;
                    status?: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                    asOf?: string;
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: components["schemas"]["StockRow"][];
                            next: string | null;
                            asOf: string;
                            changed: boolean | null;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such site */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/stock/rows.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every row behind one figure as CSV, streamed; X-Row-Count says how many are coming */
        get: {
            parameters: {
                query: {
                    site?: string;
                    warehouse?: string;
                    figure: "on_hand" | "expiry" | "near_expiry" | "ageing" | "dead_stock" | "long_hold" | "negative";
                    bucket?: string;
                    location?: string;
                    status?: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rows as CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such site */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/stock/rows.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every row behind one figure as XLSX, streamed; X-Row-Count says how many are coming */
        get: {
            parameters: {
                query: {
                    site?: string;
                    warehouse?: string;
                    figure: "on_hand" | "expiry" | "near_expiry" | "ageing" | "dead_stock" | "long_hold" | "negative";
                    bucket?: string;
                    location?: string;
                    status?: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rows as XLSX */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such site */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site's expiry buckets, ageing bands, near-expiry, dead-stock and long-hold limits (the defaults at version 0) */
        get: {
            parameters: {
                query?: {
                    site?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: components["schemas"]["DashboardSiteSettings"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such site */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace a site's dashboard settings (audited); bands that overlap, leave a gap or do not rise are refused with every problem listed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        site: string;
                        version: number;
                        expiryBands: {
                            from: number;
                            to: number | null;
                        }[];
                        ageingBands: {
                            from: number;
                            to: number | null;
                        }[];
                        nearExpiryDays: number;
                        deadStockDays: number;
                        longHoldDays: number;
                    };
                };
            };
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: components["schemas"]["DashboardSiteSettings"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such site */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Settings that overlap, leave gaps or do not rise; a bucket the site does not have; several sites and none named */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys of every integration (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** A new API key for an integration; its secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        integration: string;
                        scopes: ("items:write" | "partners:write" | "locations:write" | "orders:write" | "work-orders:write" | "read" | "epcis:read" | "epcis:capture")[];
                        /** @description Binds the key to a trading partner's GLN: its EPCIS queries see only events whose destination is that GLN */
                        partnerGln?: string | null;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: components["schemas"]["ApiKey"];
                            /** @description lk_...: shown in this answer only; Lotline keeps its hash */
                            secret: string;
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a key: the new secret is shown once; the old key works for graceMinutes more (0 = ends now) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1440 */
                        graceMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Rotated */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: components["schemas"]["ApiKey"];
                            /** @description lk_...: shown in this answer only; Lotline keeps its hash */
                            secret: string;
                            replaced: components["schemas"]["ApiKey"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already revoked or rotated */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a key at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already revoked or rotated */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/items/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an item (with its UDI-DI attributes) by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update an item (with its UDI-DI attributes) by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        gtin: string;
                        sku: string;
                        name: string;
                        /** @default null */
                        nameZh?: string | null;
                        /** @default EA */
                        uom?: string;
                        /** @default null */
                        udiDi?: string | null;
                        /** @default null */
                        udi?: {
                            /** @default null */
                            brandName?: string | null;
                            /** @default null */
                            model?: string | null;
                            /**
                             * @default null
                             * @enum {string|null}
                             */
                            deviceClass?: "I" | "II" | "III" | "IIa" | "IIb" | null;
                            /** @default null */
                            sterile?: boolean | null;
                            /** @default null */
                            singleUse?: boolean | null;
                            /** @default null */
                            containsLatex?: boolean | null;
                            /**
                             * @default null
                             * @enum {string|null}
                             */
                            mriSafety?: "safe" | "conditional" | "unsafe" | "not_labelled" | null;
                        } | null;
                        /** @default null */
                        shelfLifeDays?: number | null;
                        /**
                         * @default [
                         *       90,
                         *       30
                         *     ]
                         */
                        nearExpiryDays?: number[];
                        /** @default false */
                        serialized?: boolean;
                        /** @default true */
                        active?: boolean;
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/items/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: an item (with its UDI-DI attributes) per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/suppliers/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a supplier by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update a supplier by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @default null */
                        gln?: string | null;
                        /** @default null */
                        address?: string | null;
                        /** @default null */
                        phone?: string | null;
                        /** @default true */
                        active?: boolean;
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/suppliers/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: a supplier per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/customers/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a customer (consignee, address, phone, GLN) by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update a customer (consignee, address, phone, GLN) by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @default null */
                        consigneeName?: string | null;
                        /** @default null */
                        address?: string | null;
                        /** @default null */
                        phone?: string | null;
                        /** @default null */
                        gln?: string | null;
                        /** @default 0 */
                        minShelfLifeDays?: number;
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/customers/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: a customer (consignee, address, phone, GLN) per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/locations/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a stock location by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update a stock location by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @enum {string} */
                        kind: "receiving" | "quarantine" | "storage" | "production" | "shipping" | "scrap";
                        /** @default true */
                        active?: boolean;
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/locations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: a stock location per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/purchase-orders/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a purchase order or advance ship notice by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update a purchase order or advance ship notice by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default purchase_order
                         * @enum {string}
                         */
                        kind?: "purchase_order" | "ship_notice";
                        number: string;
                        supplier: string;
                        /** @default null */
                        expectedOn?: string | null;
                        /**
                         * @default open
                         * @enum {string}
                         */
                        status?: "open" | "closed" | "cancelled";
                        lines: {
                            line: number;
                            item: string;
                            qty: number;
                            /** @default null */
                            supplierLot?: string | null;
                            /** @default null */
                            expiresOn?: string | null;
                            /** @default null */
                            sscc?: string | null;
                        }[];
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/purchase-orders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: a purchase order or advance ship notice per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/sales-orders/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a sales order by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update a sales order by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        customer: string;
                        /** @default null */
                        shipBy?: string | null;
                        /**
                         * @default open
                         * @enum {string}
                         */
                        status?: "open" | "closed" | "cancelled";
                        lines: {
                            line: number;
                            item: string;
                            qty: number;
                        }[];
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/sales-orders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: a sales order per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/work-orders/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a work order (a new one numbers its finished lot) by its external id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The stored record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            version: number;
                            record: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No record has that external id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Create or update a work order (a new one numbers its finished lot) by its external id
         * @description The body is the whole record: a field left out is stored empty or at its default. Ids are trimmed; ids with inner or full-width spaces, full-width letters or control characters are refused.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        item: string;
                        /** @default null */
                        plannedQty?: number | null;
                        /** @default null */
                        lineCode?: string | null;
                        /**
                         * @default open
                         * @enum {string}
                         */
                        status?: "open" | "closed";
                        externalId?: string;
                    };
                };
            };
            responses: {
                /** @description Updated, or unchanged (outcome says which) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description A change of a regulated field (GTIN, UDI-DI, shelf life, location kind...) of an existing record: held, unwritten, as a change request for QC to sign (outcome pending, requestId) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationRowResult"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body, a natural key held by another record, or a change of the record already waiting for QC (change_pending) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A reference (supplier, customer, item) is not known by that external id */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integration/work-orders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many: a work order (a new one numbers its finished lot) per row
         * @description Up to 10000 rows, each answered by its index: created, updated, unchanged, pending (a regulated change of master data held for a QC signature, with its requestId), or error with the field and message. Good rows are written even when others fail (207); a failed row is never reported written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Same key and same body: the first answer again. Same key, other body: 409. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Every row written or unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description Some rows failed; the others were written */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IntegrationBatchAnswer"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Idempotency-Key used for another body */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many failed API-key attempts from this address or with this key prefix in a minute: wait Retry-After seconds */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * EPCIS 2.0 events: every committed act of the ledger and the events partners captured
         * @description An EPCISQueryDocument, events in time order. The next page is in the Link header (rel="next") and GS1-Next-Page-Token. A key bound to a partner GLN sees only events whose destination is that GLN.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only events with one of these business steps (bare CBV words such as shipping, or URIs). Several values: separated by |. */
                    EQ_bizStep?: string;
                    /** @description Only events with one of these dispositions (in_transit, recalled, ...). Several values: separated by |. */
                    EQ_disposition?: string;
                    /** @description Only events at or after this time (xsd:dateTimeStamp, with a zone). */
                    GE_eventTime?: string;
                    /** @description Only events before this time. */
                    LT_eventTime?: string;
                    /** @description Only events whose epcList or childEPCs hold one of these EPCs (EPC URIs, Digital Link URIs, or urn:epc:idpat:sgtin:...* for every serial of a GTIN). Several values: separated by |. */
                    MATCH_epc?: string;
                    /** @description Only events whose quantity lists name one of these classes (urn:epc:class:lgtin:..., or urn:epc:idpat:sgtin:...* for every lot of a GTIN). Several values: separated by |. */
                    MATCH_epcClass?: string;
                    /** @description Events per page, 1 to 5000 (default 100). */
                    perPage?: string;
                    /** @description From the Link header of the page before. */
                    nextPageToken?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EPCISQueryDocument"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture a partner's EPCISDocument
         * @description Answers 202 with a capture job (Location: /epcis/capture/{id}). GS1-Capture-Error-Behaviour: rollback (default) stores nothing when one event is wrong; proceed stores the good events and lists the bad. A document without @context or eventList is refused whole (400) with every problem named.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description rollback (default) or proceed */
                    "gs1-capture-error-behaviour"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Captured, or refused event by event: see the job */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EPCISCaptureJob"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The document is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/epcis/capture/{captureID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture job: running, success, counts and errors per event and field */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    captureID: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EPCISCaptureJob"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No API key, or a key unknown, revoked or past its grace period */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The key lacks this route's scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No job of this integration has that id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/epcis/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the plant's GTINs, GLN and locations are written in EPCIS */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EPCISSettings"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Set the GS1 Company Prefix length and the plant's GLN (locations become SGLNs, the plant its PGLN) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EPCISSettings"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EPCISSettings"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a legacy CSV (UTF-8, BOM or GBK) or XLSX file: the raw file as the body, or multipart with a "file" field
         * @description Answers the columns, a sample and a suggested mapping; nothing is imported until the dry run and the commit.
         */
        post: {
            parameters: {
                query: {
                    kind: "items" | "lots" | "stock" | "genealogy" | "shipments";
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportJob"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Larger than the import limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The file or the mapping cannot be read: empty_file, no_rows, unknown_encoding, duplicate_header, missing_columns, unknown_column, unreadable */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Judge every row with the mapping, writing nothing: per-row issues, duplicate groups and the recall-readiness score */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mapping: components["schemas"]["ImportMapping"];
                        /** @description Also keep this mapping as a profile under this name */
                        saveAs?: string;
                    };
                };
            };
            responses: {
                /** @description Judged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportDryRun"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such import */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The file or the mapping cannot be read: empty_file, no_rows, unknown_encoding, duplicate_header, missing_columns, unknown_column, unreadable */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file as CSV with row, status and errors columns in front */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (UTF-8 with BOM) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such import */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The file or the mapping cannot be read: empty_file, no_rows, unknown_encoding, duplicate_header, missing_columns, unknown_column, unreadable */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the rows in one transaction: all or nothing, or the valid rows only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Write the rows without errors and leave the others out; the answer says the import is partial
                         * @default false
                         */
                        validOnly?: boolean;
                    };
                };
            };
            responses: {
                /** @description Written (partial says whether rows were left out) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportCommit"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such import */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not dry-run yet */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description import_has_errors: rows have errors and nothing was written (details name the first row and field) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved column mappings of a kind */
        get: {
            parameters: {
                query: {
                    kind: components["schemas"]["ImportKind"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Profiles */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            profiles: components["schemas"]["ImportMappingProfile"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/profiles/{kind}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save a column mapping under a name */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: components["schemas"]["ImportKind"];
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mapping: components["schemas"]["ImportMapping"];
                    };
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportMappingProfile"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sscc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue the next SSCCs of a GS1 Company Prefix and extension digit
         * @description SSCCs are numbered from a counter per company prefix and extension digit, shared by every server on the database, and one issued within the reuse window (LOTLINE_SSCC_REUSE_MONTHS, at least 12) is passed over. The company prefix must be one GS1 allocates with that many digits.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        companyPrefix: string;
                        extension: number;
                        count: number;
                        purpose: string;
                    };
                };
            };
            responses: {
                /** @description Issued, in order */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ssccs: string[];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Every SSCC of this prefix and extension is in its reuse window */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a whole GS1 Company Prefix */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sscc/{sscc}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who issued an SSCC, when and what for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sscc: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Issued */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedSscc"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Lotline did not issue it */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sscc/{sscc}/contents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a case or pallet holds: status, ship-to, the tree below it and a roll-up by item and lot
         * @description Also a supplier's SSCC: received (its notice, supplier, who received it, when and where, and the lots it brought) or expected on an open ship notice (what the notice says it holds, so the dock can check a pallet before booking it).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sscc: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The container */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ContainerContents"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Nothing was packed or received under that SSCC, and no open notice expects it */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sscc/{sscc}/label": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The GS1 logistic label of an issued SSCC, as ZPL and as a preview
         * @description Ship-from and ship-to on top, the data with their titles in the middle, the barcodes at the bottom with the SSCC lowest, at the GS1 minimum X-dimension (0.495 mm) and bar height (31.75 mm). The content (02)+(37) with (10) and (17) goes in one GS1-128 when it fits the width, else split. A label its data cannot fit on is refused (422) naming the field.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sscc: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default 4x6
                         * @enum {string}
                         */
                        size?: "4x6" | "a6";
                        /** @default 203 */
                        dpi?: 203 | 300;
                        shipFrom: {
                            /** @description Company name, up to 60 characters */
                            name: string;
                            /** @description Up to three address lines */
                            address?: string[];
                        };
                        shipTo: {
                            /** @description Company name, up to 60 characters */
                            name: string;
                            /** @description Up to three address lines */
                            address?: string[];
                        };
                        content?: {
                            gtin: string;
                            count: number;
                            lot?: string;
                            expiry?: string;
                        };
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description The label */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            zpl: string;
                            /** @description Base64 PNG drawn from the same ZPL */
                            png: string;
                            symbols: string[][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Lotline did not issue it */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The data does not print well on this label */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logistics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plant's SSCC company prefix and ship-from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings, or null before an admin sets them */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: components["schemas"]["LogisticsSettings"];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Sets the plant's SSCC company prefix, extension digit and ship-from */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LogisticsSettings"];
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            settings: components["schemas"]["LogisticsSettings"];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not a whole GS1 Company Prefix */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logistics/device-ssccs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SSCCs issued to this handheld, for labelling new cases and pallets offline
         * @description Needs the handheld's enrolment (X-Lotline-Device). Issued like any SSCC, from the plant's company prefix and extension digit, and recorded as the device's. At most 200 at a time.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-lotline-device"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 20 */
                        count?: number;
                    };
                };
            };
            responses: {
                /** @description Issued, in order */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ssccs: string[];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No company prefix set yet, or every SSCC of it is in its reuse window */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** UDI device records, current versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Records */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            records: {
                                id: string;
                                basicUdiDi: string;
                                currentVersion: number;
                                brandName: string;
                                modelNumber: string;
                            }[];
                        };
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a UDI device record: version 1, to be approved before it is published */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        record: components["schemas"]["UdiDeviceRecord"];
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The record, its current content and every version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiRecordView"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One UDI device record with its version history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The record, its current content and every version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiRecordView"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /**
         * Change a record: a new version with who, when and why
         * @description After publication, a change to a field that identifies the device (GUDID new-DI triggers, MDCG 2018-1, NMPA-locked fields) is refused with 422 new_di_required, naming the field, the regulators and the new DIs needed; nothing is written.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        record: components["schemas"]["UdiDeviceRecord"];
                        reason: string;
                        /** @description The version the change was made on; another one in between is refused (409 stale_version) */
                        baseVersion: number;
                    };
                };
            };
            responses: {
                /** @description The record, its current content and every version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiRecordView"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write an earlier version's content again as a new version (history is never rewritten) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        reason: string;
                        /** @description The version the change was made on; another one in between is refused (409 stale_version) */
                        baseVersion: number;
                    };
                };
            };
            responses: {
                /** @description The record, its current content and every version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiRecordView"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from one version to another, field by field */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: components["schemas"]["UdiRecordChange"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/versions/{version}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** QC approves a version under an electronic signature (not the one who wrote it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The record, its current content and every version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiRecordView"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the current version; a regulated change needs its signed approval first */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @description The version the change was made on; another one in between is refused (409 stale_version) */
                        baseVersion: number;
                    };
                };
            };
            responses: {
                /** @description The record, its current content and every version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiRecordView"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/exports/nmpa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The NMPA UDI database entry (YY/T 1753 data items) of the published version
         * @description Refused with 409 not_published before a version is published, and with 422 submission_problems, listing every problem, when the pre-submission check finds any.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entry, keyed by the data item codes of the NMPA UDI database */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            document: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/exports/gudid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The GUDID HL7 SPL document of the published version, one per Primary DI
         * @description Refused with 409 not_published before a version is published, and with 422 submission_problems, listing every problem, when the pre-submission check finds any.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The SPL document, named by its Primary DI in Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A record's stored exports, each with its current submission status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Exports, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exports: components["schemas"]["UdiStoredExport"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or export */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not published yet (not_published), or a status that cannot follow the current one (illegal_status_change) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The pre-submission check's problems (submission_problems), or an acceptance without the authority's reference or a rejection without its message */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Write the published version's file for one regulator and keep it, numbered per record and regulator
         * @description Refused with 409 not_published before a version is published, and with 422 submission_problems, listing every problem, when the pre-submission check finds any; nothing is kept then. The export starts as generated.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description gudid-spl-xml (GUDID), eudamed-xml (EUDAMED), nmpa-json or nmpa-xlsx (NMPA UDID)
                         * @example eudamed-xml
                         * @enum {string}
                         */
                        format: "gudid-spl-xml" | "eudamed-xml" | "nmpa-json" | "nmpa-xlsx";
                    };
                };
            };
            responses: {
                /** @description The stored export with its current status and history */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiStoredExport"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or export */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not published yet (not_published), or a status that cannot follow the current one (illegal_status_change) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The pre-submission check's problems (submission_problems), or an acceptance without the authority's reference or a rejection without its message */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/exports/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored file exactly as exported, named in Content-Disposition, its sha-256 in X-Content-SHA256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/xml": string;
                        "application/json": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or export */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not published yet (not_published), or a status that cannot follow the current one (illegal_status_change) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The pre-submission check's problems (submission_problems), or an acceptance without the authority's reference or a rejection without its message */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/exports/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record what the regulator did: submitted, then accepted (with its reference) or rejected (with its message)
         * @description A status that cannot follow the current one is refused with 409 illegal_status_change; the history only grows.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "generated" | "submitted" | "accepted" | "rejected";
                        /**
                         * @description The authority's acknowledgement or registration number; required for accepted
                         * @default null
                         */
                        reference?: string | null;
                        /**
                         * @description The authority's rejection message; required for rejected
                         * @default null
                         */
                        message?: string | null;
                    };
                };
            };
            responses: {
                /** @description The stored export with its current status and history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UdiStoredExport"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or export */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not published yet (not_published), or a status that cannot follow the current one (illegal_status_change) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The pre-submission check's problems (submission_problems), or an acceptance without the authority's reference or a rejection without its message */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/udi/records/{id}/submission-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What GUDID, EUDAMED or NMPA would refuse of a version, per DI, before submitting */
        get: {
            parameters: {
                query?: {
                    /** @description Comma-separated: GUDID, EUDAMED, NMPA */
                    jurisdictions?: string;
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problems found; empty when ready to submit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            problems: components["schemas"]["UdiSubmissionProblem"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such record or version */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Changed meanwhile, an identifier taken, already approved or published, or approval missing */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Incoherent record, nothing changed, or a change that needs a new UDI-DI (new_di_required, with the field and a proposal) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/master-data/change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes of regulated master data sent by the integration API, held for a QC signature */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Change requests, newest first (at most 500) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: components["schemas"]["MasterDataChangeRequest"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/master-data/change-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a held change with QC's electronic signature, as one new version carrying it
         * @description The password of the signed-in QC user, or of a QC colleague named by username, as for a restore. The record must be at the row version the change was proposed against.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        signature: {
                            username?: string;
                            password: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The request, approved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MasterDataChangeRequest"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid QC signature (qc_signature_required, signature_failed, account_locked) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such change request (not_found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already decided (request_decided), the record changed since (stale_request), or a unique value now taken (conflict); nothing written */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/master-data/change-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a held change with a reason; the record stays as it is */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The request, rejected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MasterDataChangeRequest"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid QC signature (qc_signature_required, signature_failed, account_locked) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such change request (not_found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Already decided (request_decided), the record changed since (stale_request), or a unique value now taken (conflict); nothing written */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/master-data/{kind}/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of an item, location, number rule, customer, supplier or packaging spec, with who, when and why */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description One of items, locations, number-rules, customers, suppliers, packaging-specs */
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The history, oldest version first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MasterDataHistory"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A regulated change without a valid QC signature (signature_required, qc_signature_required, signature_failed) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such kind, record or version (unknown_kind, not_found, version_not_found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A unique value taken by another record, the record changed meanwhile, or deleted */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The version reads as the current one (no_change), or holds what a live change would refuse today (invalid_content) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/master-data/{kind}/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from one version to another, field by field */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path: {
                    /** @description One of items, locations, number-rules, customers, suppliers, packaging-specs */
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: components["schemas"]["MasterDataChange"][];
                        };
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A regulated change without a valid QC signature (signature_required, qc_signature_required, signature_failed) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such kind, record or version (unknown_kind, not_found, version_not_found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A unique value taken by another record, the record changed meanwhile, or deleted */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The version reads as the current one (no_change), or holds what a live change would refuse today (invalid_content) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/master-data/{kind}/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write an earlier version's content again as a new version (history is never rewritten)
         * @description A restore that changes a regulated field (an item GTIN, a number rule pattern, a location kind...) needs a QC electronic signature: the password of the signed-in QC user, or of a QC colleague named by username. Without one it is refused with 403 signature_required; nothing is written. A unique value (code, GTIN, SKU, name) now held by another record is refused with 409 conflict naming the field.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description One of items, locations, number-rules, customers, suppliers, packaging-specs */
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** @description The version the person saw as current; another one in between is refused (409 stale_version) */
                        baseVersion: number;
                        reason: string;
                        signature?: {
                            username?: string;
                            password: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The history with the new version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MasterDataHistory"];
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A regulated change without a valid QC signature (signature_required, qc_signature_required, signature_failed) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No such kind, record or version (unknown_kind, not_found, version_not_found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A unique value taken by another record, the record changed meanwhile, or deleted */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The version reads as the current one (no_change), or holds what a live change would refuse today (invalid_content) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dictionary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The data dictionary: every table and API entity with its fields, types, units, code lists and descriptions (en or zh-CN), as JSON or Markdown */
        get: {
            parameters: {
                query?: {
                    /** @description Language of the descriptions; en when absent */
                    lang?: "en" | "zh-CN";
                    /** @description md answers the same dictionary as Markdown (text/markdown), as docs/dictionary.md has it */
                    format?: "json" | "md";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The dictionary */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataDictionary"];
                        "text/markdown": string;
                    };
                };
                /** @description The request failed validation */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not signed in, or the session expired or was revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Signed in without the role this needs */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            db: "pglite" | "postgres";
            version: string;
        };
        LoginResponse: {
            token: string;
            expiresAt: string;
            user: components["schemas"]["User"];
            deviceId: string | null;
            passwordChangeRequired: boolean;
        };
        User: {
            id: string;
            username: string;
            displayName: string;
            roles: components["schemas"]["Role"][];
            /** @enum {string} */
            locale: "zh-CN" | "en";
            active: boolean;
            version: number;
        };
        /** @enum {string} */
        Role: "operator" | "qc" | "supervisor" | "labeladmin" | "admin";
        Error: {
            error: {
                /** @example invalid_request */
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        LoginRequest: {
            username: string;
            password: string;
        };
        PasswordChange: {
            currentPassword: string;
            newPassword: string;
        };
        NewUser: {
            username: string;
            displayName: string;
            password: string;
            roles: components["schemas"]["Role"][];
            /** @enum {string} */
            locale?: "zh-CN" | "en";
            reason?: string;
        };
        UserChange: {
            version: number;
            reason: string;
            displayName?: string;
            roles?: components["schemas"]["Role"][];
            /** @enum {string} */
            locale?: "zh-CN" | "en";
            active?: boolean;
            password?: string;
        };
        Unlock: {
            reason: string;
        };
        StockException: {
            id: string;
            opId: string;
            opType: string;
            deviceId: string;
            deviceName: string;
            username: string;
            kind: string;
            lotId: string | null;
            lotNumber: string | null;
            locationId: string | null;
            locationCode: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            status: "open" | "resolved";
            resolution: string | null;
            resolutionReason: string | null;
            resolvedBy: string | null;
            resolvedAt: string | null;
            createdAt: string;
            version: number;
        };
        OpSummary: {
            id: string;
            type: string;
            deviceId: string;
            deviceName: string;
            username: string;
            deviceTime: string;
            receivedAt: string;
            status: string;
            message: string | null;
            problems: {
                code: string;
                params: {
                    [key: string]: string | number | boolean | null;
                };
            }[];
            payload: {
                [key: string]: unknown;
            };
        };
        Device: {
            id: string;
            name: string;
            enrolledAt: string;
            revokedAt: string | null;
            lastSeenAt: string | null;
            appVersion: string | null;
            queueDepth: number | null;
            replacesDeviceId: string | null;
            version: number;
        };
        AuditRow: {
            seq: string;
            id: string;
            at: string;
            actorName: string;
            deviceId: string | null;
            action: string;
            entityType: string;
            entityId: string | null;
            before?: unknown;
            after?: unknown;
            reason: string | null;
            signatureMeaning: string | null;
            hash: string;
        };
        AuditVerification: {
            ok: boolean;
            rows: number;
            lastSeq: string | null;
            lastHash: string;
            /** @description Every break, in chain order; at most 10000 are listed */
            breaks: components["schemas"]["AuditBreak"][];
            breakCount: number;
            firstBreak?: components["schemas"]["AuditBreak"];
            anchor: {
                /** @enum {string} */
                status: "checked" | "no_checkpoints" | "key_missing" | "not_configured";
                checkpointDir: string | null;
                checkpoints: number;
                latest: {
                    seq: string;
                    hash: string;
                    at: string;
                } | null;
                rowsAfterLatest: number;
                message: string;
            };
        };
        AuditBreak: {
            seq: string | null;
            id: string | null;
            /** @enum {string} */
            problem: "content_changed" | "link_broken" | "checkpoint_mismatch" | "rows_missing" | "checkpoint_forged" | "checkpoint_unreadable" | "anchor_key_missing" | "lot_status_mismatch" | "held_lots_changed";
            message: string;
            lotId?: string;
            checkpoint?: {
                file: string;
                line: number;
                seq: string | null;
                at: string | null;
            };
        };
        DomainEvent: {
            position: number;
            eventId: string;
            site: string;
            aggregateType: string;
            aggregateId: string;
            eventType: string;
            occurredAt: string;
            payload: {
                [key: string]: unknown;
            };
        };
        WebhookSubscription: {
            id: string;
            url: string;
            eventFilter: string[];
            description: string;
            active: boolean;
            /** @description The last event position queued for this subscription */
            position: number;
            version: number;
            createdAt: string;
            pending: number;
            deadLetters: number;
        };
        NewWebhookSubscription: {
            url: string;
            eventFilter: string[];
            description?: string;
            /** @description Deliver events after this position; only new events when absent */
            fromPosition?: number;
        };
        WebhookDeadLetter: {
            id: number;
            subscriptionId: string;
            url: string;
            eventPosition: number;
            eventId: string;
            eventType: string;
            attempts: number;
            lastStatus: number | null;
            lastError: string | null;
            deadLetteredAt: string;
        };
        QcQueueEntry: {
            id: string;
            lotNumber: string;
            gtin: string;
            itemName: string;
            itemNameZh: string | null;
            supplier: string | null;
            supplierLot: string | null;
            /** @enum {string} */
            origin: "received" | "produced";
            manufacturedOn: string | null;
            expiresOn: string | null;
            onHand: number;
            locations: string[];
            waitingSince: string;
            version: number;
        };
        Signature: {
            userId: string;
            username: string;
            name: string;
            /** @enum {string} */
            meaning: "reviewed" | "approved" | "released" | "rejected";
            signedAt: string;
        };
        LotHistoryEvent: {
            at: string;
            /** @enum {string} */
            kind: "move" | "status" | "genealogy" | "shipment" | "return" | "exception" | "alert" | "label";
            /** @description What happened, in the ledger's words: op.receive, lot.status, consumed_into, ... */
            action: string;
            actor: string | null;
            summary: string;
            details: {
                [key: string]: unknown;
            };
        };
        Trace: {
            root: string;
            /** @enum {string} */
            direction: "forward" | "backward";
            depth: number;
            /** @description The serial the trace followed out of the root lot, for a serial trace */
            serial: string | null;
            lots: {
                id: string;
                lotNumber: string;
                gtin: string;
                itemName: string;
                itemNameZh: string | null;
                /** @enum {string} */
                status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                /** @enum {string} */
                origin: "received" | "produced";
                supplier: string | null;
                supplierLot: string | null;
                expiresOn: string | null;
                /** @description Hops from the lot the trace started at */
                depth: number;
            }[];
            edges: {
                parentLotId: string;
                childLotId: string;
                qty: number;
                workOrder: string | null;
                serials: string[];
            }[];
            stock: {
                lotId: string;
                locationCode: string;
                locationName: string;
                qty: number;
            }[];
            shipments: {
                lotId: string;
                shipment: string;
                customerCode: string;
                customerName: string;
                qty: number;
                serial: string | null;
                shippedAt: string;
            }[];
            /** @description Cases and pallets holding the reached lots, each with the outermost container it sits in */
            containers: {
                lotId: string;
                sscc: string;
                /** @enum {string} */
                level: "inner" | "case" | "pallet";
                qty: number;
                serials: number;
                outermost: string;
                shippedAt: string | null;
            }[];
            /** @description Whether the walk stopped at the depth limit with further links left */
            truncated: boolean;
        };
        LotAlert: {
            id: string;
            lotId: string;
            lotNumber: string;
            gtin: string;
            itemName: string;
            itemNameZh: string | null;
            /** @enum {string} */
            kind: "near_expiry" | "expired";
            windowDays: number;
            expiresOn: string | null;
            raisedAt: string;
            acknowledgedBy: string | null;
        };
        Item: {
            id: string;
            gtin: string;
            sku: string;
            name: string;
            nameZh: string | null;
            uom: string;
            udiDi: string | null;
            shelfLifeDays: number | null;
            nearExpiryDays: number[];
            serialized: boolean;
            version: number;
        };
        Location: {
            id: string;
            code: string;
            name: string;
            kind: string;
            version: number;
        };
        Lot: {
            id: string;
            lotNumber: string;
            itemId: string;
            gtin: string;
            itemName: string;
            itemNameZh: string | null;
            supplier: string | null;
            supplierLot: string | null;
            manufacturedOn: string | null;
            expiresOn: string | null;
            /** @enum {string} */
            origin: "received" | "produced";
            /** @enum {string} */
            status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
            onHand: number;
            version: number;
        };
        Balance: {
            locationId: string;
            locationCode: string;
            qty: number;
        };
        /** @description A production order for one item; its finished lot is numbered when it opens */
        WorkOrder: {
            id: string;
            number: string;
            gtin: string;
            itemName: string;
            itemNameZh: string | null;
            lotId: string | null;
            /** @description The finished lot, numbered when the order opens */
            lotNumber: string | null;
            plannedQty: number | null;
            lineCode: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            createdAt: string;
        };
        Customer: {
            id: string;
            code: string;
            name: string;
            minShelfLifeDays: number;
            /** @description Where recall letters go; null until someone enters it */
            address: string | null;
        };
        /** @description How lot, serial or document numbers are made */
        NumberRule: {
            id: string;
            name: string;
            /**
             * @description What the rule numbers: lots (AI 10), serials (AI 21) or documents such as work orders
             * @enum {string}
             */
            kind: "lot" | "serial" | "document";
            /** @description Fixed text and fields such as {SITE}, {LINE}, {YYMMDD}, {SEQ:4} */
            pattern: string;
            /**
             * @description When the sequence starts again at 1
             * @enum {string}
             */
            reset: "day" | "month" | "year" | "never";
            /** @description What {SITE} prints */
            siteCode: string;
            /** @description What {LINE} prints */
            lineCode: string;
            /**
             * @description Check character appended to each number
             * @enum {string}
             */
            check: "none" | "mod10" | "mod37";
        };
        RfidRun: {
            runId: string;
            lotNumber: string | null;
            template: string;
            printer: string;
            requestedAt: string;
            /** @description Jobs in the run: one per serial */
            labels: number;
            reconciliation: {
                /** @description RFID labels that came out by the spool’s attempts, with those whose read-back never came */
                printed: number;
                /** @description Labels whose tag read back the EPC written (or was read so by a person): their serial is bound to that tag */
                encoded: number;
                /** @description Labels whose tag read back another EPC, nothing or noise, or that were destroyed in doubt: their serial is voided for good */
                voided: number;
                /** @description Labels whose read-back never came and nobody has settled: their serial is held, neither bound nor issued again */
                uncertain: number;
                /** @description printed = encoded + voided + uncertain */
                balanced: boolean;
                /** @description Jobs not printed yet */
                pending: number;
            };
        };
        PrinterRfidPolicy: {
            /** @description false: a label whose tag failed is never tried again on this printer, whatever its template says */
            retry: boolean;
            /** @description Labels tried again after a failed tag; null: the template's retries */
            retries: number | null;
            /** @description How long the spool waits for a label's read-back before the label is uncertain; null: the spool's default */
            readBackTimeoutMs: number | null;
        };
        PrinterRfidPolicyChange: {
            /** @description false: a label whose tag failed is never tried again on this printer, whatever its template says */
            retry?: boolean;
            /** @description Labels tried again after a failed tag; null: the template's retries */
            retries?: number | null;
            /** @description How long the spool waits for a label's read-back before the label is uncertain; null: the spool's default */
            readBackTimeoutMs?: number | null;
        };
        Printer: {
            id: string;
            name: string;
            /** @description Shown to label admins and administrators; null for other roles */
            host: string | null;
            port: number | null;
            dpi: 203 | 300 | 600;
            locationCode: string | null;
            /** @description A CJK font file on the printer (E:SIMSUN.TTF); without one, Chinese text is sent drawn as a picture */
            cjkFont: string | null;
            active: boolean;
            /** @enum {string} */
            state: "unknown" | "ready" | "offline" | "paper_out" | "head_open" | "paused" | "not_ready";
            stateDetail: string | null;
            stateAt: string | null;
            notReadySince: string | null;
            alertAfterSeconds: number;
            /** @description Not ready for longer than its alert threshold */
            alerting: boolean;
            queued: number;
            /** @description Sent, and held by the printer until it says it printed them */
            inPrinter: number;
            uncertain: number;
            rfidPolicy: components["schemas"]["PrinterRfidPolicy"];
            version: number;
        };
        LabelTemplateVersion: {
            id: string;
            name: string;
            version: number;
            /** @enum {string} */
            kind: "layout" | "zpl";
            /** @enum {string} */
            status: "draft" | "approved" | "retired";
            contentHash: string;
            definition: {
                [key: string]: unknown;
            };
            createdBy: string | null;
            createdAt: string;
            approvedBy: string | null;
            approvedAt: string | null;
        };
        PrintJob: {
            id: string;
            printer: string;
            template: string;
            templateVersion: number;
            lotNumber: string | null;
            serial: string | null;
            copies: number;
            /** @enum {string} */
            status: "queued" | "printing" | "in_printer" | "printed" | "uncertain" | "cancelled" | "voided";
            attempts: number;
            /** @description The connection error for label admins; a plain description for other roles */
            lastError: string | null;
            reprintOf: string | null;
            reprintReason: string | null;
            requestedBy: string | null;
            createdAt: string;
            sentAt: string | null;
            printedAt: string | null;
            resolution: string | null;
        };
        TagReconciliation: {
            /** @enum {string} */
            scope: "run" | "job";
            id: string;
            /** @description RFID labels that came out by the spool’s attempts, with those whose read-back never came */
            printed: number;
            /** @description Labels whose tag read back the EPC written (or was read so by a person): their serial is bound to that tag */
            encoded: number;
            /** @description Labels whose tag read back another EPC, nothing or noise, or that were destroyed in doubt: their serial is voided for good */
            voided: number;
            /** @description Labels whose read-back never came and nobody has settled: their serial is held, neither bound nor issued again */
            uncertain: number;
            /** @description printed = encoded + voided + uncertain */
            balanced: boolean;
            /** @description Jobs not printed yet */
            pending: number;
            tags: {
                jobId: string;
                serial: string;
                /** @description The EPC the tag was to be written with */
                epc: string;
                /** @description What the tag read back as ('' for no tag); null while the label is uncertain */
                readBack: string | null;
                /** @enum {string} */
                outcome: "encoded" | "voided" | "uncertain";
                /** @enum {string|null} */
                reason: "wrong_tag" | "no_tag" | "bad_answer" | "destroyed" | null;
                /** @description What was wrong with an unreadable answer, why a label is uncertain, or who settled it and why */
                detail: string | null;
                at: string;
            }[];
        };
        TagLookup: {
            /** @description The EPC as hex, in whole 16-bit words */
            epc: string;
            /** @enum {string} */
            scheme: "sgtin-96" | "sgtin-198";
            gtin: string;
            serial: string;
            /**
             * @description encoded: this tag read back its EPC when printed and carries the serial; voided: the serial was voided; other_tag: the serial is bound to another tag; uncertain: the label’s read-back never came, the serial is held until someone reads the tag; not_encoded: no RFID label here carries it
             * @enum {string}
             */
            standing: "encoded" | "voided" | "other_tag" | "uncertain" | "not_encoded";
            /** @enum {string|null} */
            voidedReason: "wrong_tag" | "no_tag" | "bad_answer" | "destroyed" | null;
            lot: {
                id: string;
                lotNumber: string;
                status: string;
            } | null;
            jobId: string | null;
        };
        LabelTemplateItem: {
            template: string;
            itemId: string;
            sku: string;
            name: string;
            /** @description The UDI-DI of the item's device record; null: the item has none, its labels print unchecked */
            udiDi: string | null;
            recordVersion: number | null;
            published: boolean;
            /** @description How the template's approved version disagrees with the record now */
            mismatches: {
                /** @enum {string} */
                code: "carried_not_declared" | "declared_not_carried";
                /** @enum {string} */
                ai: "10" | "11" | "17" | "21";
                /**
                 * @description The DI record's production identifier
                 * @enum {string}
                 */
                field: "lot" | "serial" | "manufactureDate" | "expiry";
                /** @enum {string} */
                expected: "carried" | "not carried";
                /** @enum {string} */
                found: "in a barcode" | "human-readable only" | "not on the label" | "no value in the label data";
            }[];
            assignedBy: string | null;
            assignedAt: string;
        };
        UdiLabelSettings: {
            /** @description Jurisdictions whose rule "DI data published before sale" the plant is held to; a label for an unpublished UDI-DI is refused under any of them */
            publishBeforeSale: ("GUDID" | "EUDAMED" | "NMPA")[];
        };
        PickList: {
            id: string;
            number: string;
            customer: string | null;
            customerCode: string | null;
            minShelfLifeDays: number;
            toLocationCode: string;
            lines: {
                gtin: string;
                qty: number;
                pickedQty: number;
                remainingQty: number;
                /** @enum {string} */
                status: "open" | "done";
            }[];
            /** @enum {string} */
            status: "open" | "picking" | "done" | "cancelled";
            recallBreaks: {
                caseNumber: string;
                gtin: string;
                lotNumber: string;
                qty: number;
            }[];
            version: number;
        };
        RecallDueEscalation: {
            caseId: string;
            caseNumber: string;
            customerId: string;
            code: string;
            name: string;
            escalation: {
                /** @enum {string} */
                state: "not_contacted";
                /** @enum {string} */
                next: "letter";
            } | {
                /** @enum {string} */
                state: "due";
                /** @enum {string} */
                last: "letter" | "repeat_contact" | "registered_letter" | "visit";
                since: string;
                /** @enum {string} */
                next: "repeat_contact" | "registered_letter" | "visit";
                dueAt: string;
            };
        };
        RecallEffectiveness: {
            caseId: string;
            caseNumber: string;
            /** @enum {string|null} */
            level: "A" | "B" | "C" | "D" | "E" | null;
            percent: number | null;
            draw: {
                /** @enum {string} */
                level: "A" | "B" | "C" | "D" | "E";
                percent: number;
                seed: string;
                consignees: number;
                required: number;
                drawnBy: string;
                drawnAt: string;
            } | null;
            consignees: components["schemas"]["RecallCheckedConsignee"][];
            /** @description The time the escalations were judged at */
            asOf: string;
        };
        RecallCheckedConsignee: {
            customerId: string;
            code: string;
            name: string;
            /** @description The consignee's first answer, by its reply code or recorded by QA: escalation stops there */
            reply: {
                at: string;
                /** @enum {string} */
                channel: "qa" | "code";
            } | null;
            checks: {
                id: number;
                /** @enum {string} */
                method: "phone" | "email" | "letter" | "visit";
                reached: boolean;
                /** @description Null when the consignee was not reached */
                receivedNotice: boolean | null;
                followedInstructions: boolean | null;
                onHand: number | null;
                note: string;
                checkerName: string;
                checkedAt: string;
            }[];
            contacts: {
                /** @description Null for the recall letter itself, which counts as the first step when it is issued */
                id: number | null;
                /** @enum {string} */
                step: "letter" | "repeat_contact" | "registered_letter" | "visit";
                /** @enum {string} */
                method: "phone" | "email" | "letter" | "registered_letter" | "visit";
                note: string;
                at: string;
                recorderName: string;
            }[];
            escalation: components["schemas"]["RecallEscalation"];
        };
        /** @description Where a drawn consignee is on the follow-up ladder; `due` once dueAt has passed */
        RecallEscalation: {
            /** @enum {string} */
            state: "responded";
            respondedAt: string;
        } | {
            /** @enum {string} */
            state: "not_contacted";
            /** @enum {string} */
            next: "letter";
        } | {
            /** @enum {string} */
            state: "waiting" | "due";
            /** @enum {string} */
            last: "letter" | "repeat_contact" | "registered_letter" | "visit";
            since: string;
            /** @enum {string} */
            next: "repeat_contact" | "registered_letter" | "visit";
            dueAt: string;
        } | {
            /** @enum {string} */
            state: "exhausted";
            /** @enum {string} */
            last: "visit";
            since: string;
        };
        RecallEffectivenessDraw: {
            seed?: string;
        };
        RecallEffectivenessCheck: {
            customerCode: string;
            /** @enum {string} */
            method: "phone" | "email" | "letter" | "visit";
            reached: boolean;
            receivedNotice?: boolean;
            followedInstructions?: boolean;
            onHand?: number;
            note?: string;
        };
        RecallConsigneeContact: {
            customerCode: string;
            /** @enum {string} */
            step: "letter" | "repeat_contact" | "registered_letter" | "visit";
            /** @enum {string} */
            method: "phone" | "email" | "letter" | "registered_letter" | "visit";
            at?: string;
            note?: string;
        };
        RecallCaseClocks: {
            caseId: string;
            number: string;
            /** @enum {string} */
            state: "draft" | "open" | "recovering" | "closed" | "cancelled";
            owner: string;
            clocks: components["schemas"]["RecallDeadline"][];
            /** @description Why the clocks could not be worked out (a year the calendar has no holidays for), if so */
            problem: {
                code: string;
                message: string;
            } | null;
        };
        RecallDeadline: {
            /** @enum {string} */
            kind: "fda_correction_report" | "nmpa_event_report" | "nmpa_notice" | "nmpa_assessment_and_plan" | "nmpa_summary_report" | "eu_fsca_report" | "eu_incident_report";
            /** @enum {string} */
            jurisdiction: "US" | "CN" | "EU";
            /** @description The provision the deadline comes from */
            basis: string;
            /** @description The day the period runs from (YYYY-MM-DD) */
            from: string;
            /** @description The due day (YYYY-MM-DD) */
            dueAt: string;
            /** @description The period in working days, or null when the rule counts calendar days */
            workingDays: number | null;
            calendarDays: number | null;
            /** @enum {string} */
            state: "due" | "due_soon" | "overdue" | "met";
            /** @description Calendar days to the due day: 0 on the day, negative once overdue; null once met */
            daysLeft: number | null;
            workingDaysLeft: number | null;
            doneOn: string | null;
            /** @description Met, but after the due day */
            late: boolean;
        };
        RecallDeadlineAlert: {
            id: string;
            caseId: string;
            number: string;
            /** @enum {string} */
            deadline: "fda_correction_report" | "nmpa_event_report" | "nmpa_notice" | "nmpa_assessment_and_plan" | "nmpa_summary_report" | "eu_fsca_report" | "eu_incident_report";
            /** @enum {string} */
            kind: "due_soon" | "overdue";
            dueOn: string;
            raisedAt: string;
        };
        RecallSettingsAnswer: {
            manufacturer: {
                name: string;
                nameZh: string | null;
                address: string;
                contact: string;
                fdaRegistration: string | null;
                nmpaRegistration: string | null;
                euSrn: string | null;
            } | null;
            alertLeadDays: number;
            /** @description Days a silent consignee is given after each step of the follow-up ladder */
            escalationWaitDays: {
                letter: number;
                repeat_contact: number;
                registered_letter: number;
            };
            calendarDays: {
                /** @enum {string} */
                calendar: "US" | "CN";
                day: string;
                working: boolean;
                note: string;
            }[];
            enteredYears: {
                /** @enum {string} */
                calendar: "US" | "CN";
                year: number;
            }[];
        };
        RecallSettings: {
            manufacturer: {
                name: string;
                nameZh: string | null;
                address: string;
                contact: string;
                fdaRegistration: string | null;
                nmpaRegistration: string | null;
                euSrn: string | null;
            } | null;
            alertLeadDays: number;
            escalationWaitDays?: {
                letter: number;
                repeat_contact: number;
                registered_letter: number;
            };
            calendarDays: {
                /** @enum {string} */
                calendar: "US" | "CN";
                day: string;
                working: boolean;
                note: string;
            }[];
            enteredYears: {
                /** @enum {string} */
                calendar: "US" | "CN";
                year: number;
            }[];
        };
        RecallDrill: {
            caseId: string;
            caseNumber: string;
            scopeDescribed: string;
            stopwatch: {
                startedAt: string;
                scopeReadyAt: string;
                consigneesReadyAt: string;
                balanceReadyAt: string;
            };
            timings: {
                scopeMs: number;
                consigneesMs: number;
                balanceMs: number;
            };
            lots: number;
            consignees: number;
            shipmentLines: number;
            broughtIn: number;
            accounted: number;
            percent: number | null;
            passed: boolean;
            startedBy: string;
        };
        RecallScopeInput: {
            /** @enum {string} */
            kind: "lot" | "component_lot";
            lotId: string;
            family?: boolean;
        } | {
            /** @enum {string} */
            kind: "lot" | "component_lot";
            lotNumber: string;
            gtin?: string;
            family?: boolean;
        } | {
            /** @enum {string} */
            kind: "serial";
            gtin: string;
            serial: string;
            family?: boolean;
        } | {
            /** @enum {string} */
            kind: "supplier_lot";
            supplierLot: string;
            supplier?: string;
            gtin?: string;
            family?: boolean;
        };
        RecallCaseEvent: {
            id: number;
            /** @enum {string} */
            kind: "report_generated" | "letters_sent" | "report_submitted";
            /** @enum {string|null} */
            deadline: "fda_correction_report" | "nmpa_event_report" | "nmpa_notice" | "nmpa_assessment_and_plan" | "nmpa_summary_report" | "eu_fsca_report" | "eu_incident_report" | null;
            /** @description For letters: method, count and note; for a report: its file */
            detail: {
                [key: string]: unknown;
            };
            happenedOn: string;
            recorderName: string;
            recordedAt: string;
        };
        RecallCase: {
            id: string;
            number: string;
            drill: boolean;
            /** @enum {string} */
            state: "draft" | "open" | "recovering" | "closed" | "cancelled";
            terms: {
                reason: string;
                healthHazard: string;
                classes: {
                    /** @enum {string|null} */
                    fda: "I" | "II" | "III" | null;
                    nmpa: 1 | 2 | 3 | null;
                    euFsca: boolean;
                };
                /** @enum {string|null} */
                depth: "wholesale" | "retail" | "user" | null;
                strategy: string;
                effectiveness: {
                    /** @enum {string} */
                    level: "A" | "B" | "C" | "D" | "E";
                    percent: number | null;
                } | null;
                jurisdictions: ("US" | "CN" | "EU")[];
            };
            owner: {
                id: string;
                username: string;
                name: string;
            };
            scopeInput: components["schemas"]["RecallStoredScopeInput"];
            createdAt: string;
            openedAt: string | null;
            closedAt: string | null;
            version: number;
        };
        RecallStoredScopeInput: {
            /** @enum {string} */
            kind: "lot" | "component_lot";
            lotId: string;
            family?: boolean;
        } | {
            /** @enum {string} */
            kind: "lot" | "component_lot";
            lotNumber: string;
            gtin?: string;
            family?: boolean;
        } | {
            /** @enum {string} */
            kind: "serial";
            gtin: string;
            serial: string;
            family?: boolean;
        } | {
            /** @enum {string} */
            kind: "supplier_lot";
            supplierLot: string;
            supplier?: string;
            gtin?: string;
            family?: boolean;
        };
        RecallScope: {
            input: components["schemas"]["RecallStoredScopeInput"];
            described: string;
            /** @description The lots the input names, where the forward walk starts */
            roots: string[];
            lots: {
                id: string;
                lotNumber: string;
                gtin: string;
                itemName: string;
                /** @enum {string} */
                status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                /** @enum {string} */
                origin: "received" | "produced";
                supplier: string | null;
                supplierLot: string | null;
                /** @description Genealogy hops from the input (forward), or from the family's root (family) */
                depth: number;
                /** @enum {string} */
                reached: "forward" | "family";
                /**
                 * @description What opening the case does to the lot
                 * @enum {string}
                 */
                hold: "recall" | "already_recalled" | "disposed";
            }[];
            stock: {
                lotId: string;
                locationId: string;
                locationCode: string;
                locationKind: string;
                qty: number;
            }[];
            shipmentLines: {
                id: string;
                shipmentId: string;
                shipment: string;
                customerId: string;
                lotId: string;
                serial: string | null;
                qty: number;
                shippedAt: string;
            }[];
            consignees: {
                customerId: string;
                code: string;
                name: string;
                lines: number;
                shipped: number;
                returned: number;
                outstanding: number;
            }[];
            links: {
                parentLotId: string;
                childLotId: string;
                qty: number;
            }[];
            picked: {
                pickListId: string;
                pickList: string;
                lotId: string;
                locationId: string;
                qty: number;
            }[];
            /** @description Handhelds that hold ops not yet sent: beside the mass balance, not in it */
            unsynced: {
                devices: {
                    deviceId: string;
                    name: string;
                    queuedOps: number;
                    lastSeenAt: string | null;
                }[];
                queuedOps: number;
            };
            balance: components["schemas"]["RecallScopeBalance"];
            /** @description Lots of the scope an open case already holds */
            conflicts: {
                lotId: string;
                lotNumber: string;
                caseId: string;
                caseNumber: string;
            }[];
            /** @description Cases and pallets holding lots of the scope, each with the outermost container it sits in, as they were when shipped */
            containers: {
                lotId: string;
                sscc: string;
                /** @enum {string} */
                level: "inner" | "case" | "pallet";
                qty: number;
                serials: number;
                outermost: string;
                shippedAt: string | null;
            }[];
        };
        RecallScopeBalance: {
            lots: {
                lotId: string;
                broughtIn: number;
                /** @description In stock and free: not picked for any list */
                inStock: number;
                /** @description In stock, picked and staged for a pick list */
                picked: number;
                scrapped: number;
                /** @description Shipped less returned, per consignee that still has some */
                atConsignees: {
                    customerId: string;
                    qty: number;
                }[];
                shippedOut: number;
                consumed: number;
                corrected: number;
                accounted: number;
                unaccounted: number;
                /** @description accounted / broughtIn in percent; null for a lot nothing was ever booked into */
                percent: number | null;
                balanced: boolean;
            }[];
            broughtIn: number;
            accounted: number;
            unaccounted: number;
            percent: number | null;
            /** @description Every lot balances on its own: a surplus in one lot cannot hide a loss in another */
            balanced: boolean;
            unbalancedLots: string[];
        };
        RecallStep: {
            number: number;
            /** @enum {string} */
            from: "draft" | "open" | "recovering" | "closed" | "cancelled";
            /** @enum {string} */
            to: "draft" | "open" | "recovering" | "closed" | "cancelled";
            /** @enum {string} */
            meaning: "reviewed" | "approved" | "released" | "rejected";
            reason: string;
            signedBy: string;
            signerName: string;
            signedAt: string;
        };
        RecallFrozenScope: {
            lots: {
                lotId: string;
                lotNumber: string;
                gtin: string;
                depth: number;
                /** @enum {string} */
                reached: "forward" | "family";
                /** @enum {string} */
                statusBefore: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                /** @enum {string} */
                hold: "recall" | "already_recalled" | "disposed" | "drill";
                broughtIn: number;
                inStock: number;
                picked: number;
                scrapped: number;
                shippedOut: number;
                consumed: number;
                corrected: number;
                unaccounted: number;
            }[];
            consignees: {
                customerId: string;
                code: string;
                name: string;
                lines: number;
                shipped: number;
                returned: number;
                outstanding: number;
            }[];
            shipmentLines: number;
            broughtIn: number;
            unaccounted: number;
        };
        RecallScopeDiff: {
            /** @description Lots the input reaches now and did not when the case froze its scope */
            lotsAdded: {
                lotId: string;
                lotNumber: string;
            }[];
            lotsGone: {
                lotId: string;
                lotNumber: string;
            }[];
            consignees: {
                customerId: string;
                code: string;
                name: string;
                /** @enum {string} */
                change: "added" | "gone" | "more" | "less";
                frozenShipped: number;
                nowShipped: number;
                frozenLines: number;
                nowLines: number;
            }[];
            unchanged: boolean;
        };
        RecallStepOutcome: {
            case: components["schemas"]["RecallCase"];
            /** @enum {string} */
            from: "draft" | "open" | "recovering" | "closed" | "cancelled";
            /** @enum {string} */
            to: "draft" | "open" | "recovering" | "closed" | "cancelled";
            signature: {
                userId: string;
                username: string;
                name: string;
                /** @enum {string} */
                meaning: "reviewed" | "approved" | "released" | "rejected";
                signedAt: string;
            };
            opened: {
                lots: number;
                /** @description The lots this opening made recalled */
                held: string[];
                /** @description As the opening's signed audit row records them; null for a drill */
                heldLots: {
                    lots: number;
                    digest: string;
                } | null;
                consignees: number;
                percent: number | null;
                balanced: boolean;
            } | null;
        };
        RecallReconciliation: {
            consignees: components["schemas"]["RecallReconciledConsignee"][];
            shipped: number;
            accounted: number;
            percent: number | null;
            openGaps: {
                customerId: string;
                code: string;
                name: string;
                shipped: number;
                accounted: number;
                gap: number;
            }[];
            closable: boolean;
            /** @description Returns kept against the case that did not fit its scope: for the owner to sort out */
            flaggedReturns: {
                opId: string;
                lotNumber: string;
                customerCode: string;
                qty: number;
                /** @enum {string} */
                flag: "lot_not_in_scope" | "consignee_not_in_scope" | "unknown_consignee" | "case_not_recovering" | "unknown_case";
                namedCase: string | null;
                returnedAt: string;
            }[];
            dispositions: {
                action: string;
                qty: number;
            }[];
        };
        RecallReconciledConsignee: {
            customerId: string;
            code: string;
            name: string;
            shipped: number;
            /** @description Units back in the plant: before the case opened and matched to it since */
            returned: number;
            destroyed: number;
            corrected: number;
            onHand: number;
            lost: number;
            answered: boolean;
            accounted: number;
            /** @description Positive: units still unaccounted for; negative: more accounted for than was shipped */
            gap: number;
            explained: {
                customerId: string;
                gap: number;
                explanation: string;
                signerName: string;
                signedAt: string;
            } | null;
            /** @description A gap with no explanation for it: what stands in the way of closure */
            open: boolean;
            reply: {
                id: number;
                /** @enum {string} */
                channel: "qa" | "code";
                recordedBy: string | null;
                recorderName: string;
                recordedAt: string;
                onHand: number;
                returned: number;
                destroyed: number;
                corrected: number;
                lost: number;
                subDistributed: {
                    name: string;
                    qty: number;
                }[];
                note: string;
            } | null;
        };
        RecallConsigneeReply: {
            customerCode: string;
            onHand: number;
            returned: number;
            destroyed: number;
            corrected: number;
            lost?: number;
            subDistributed?: {
                name: string;
                qty: number;
            }[];
            note?: string;
        };
        RecallRecordedDisposition: {
            id: number;
            lotId: string;
            /** @enum {string} */
            action: "destroy" | "rework" | "relabel" | "return_to_supplier";
            qty: number;
            /** @description Returned units of the lot still waiting for a disposition */
            remaining: number;
            signature: components["schemas"]["Signature"];
            witness: components["schemas"]["Signature"];
        };
        RecallDisposition: {
            /** Format: uuid */
            lotId: string;
            /** @enum {string} */
            action: "destroy" | "rework" | "relabel" | "return_to_supplier";
            qty: number;
            note?: string;
            /** @enum {string} */
            meaning: "reviewed" | "approved" | "released" | "rejected";
            password: string;
            witness: {
                username: string;
                password: string;
            };
        };
        RecallGapExplanation: {
            customerCode: string;
            explanation: string;
            /** @enum {string} */
            meaning: "reviewed" | "approved" | "released" | "rejected";
            password: string;
        };
        RecallCaseLetters: {
            jurisdictions: ("US" | "CN" | "EU")[];
            consignees: {
                customerId: string;
                code: string;
                name: string;
                shipped: number;
                /** @description When the reply code was issued, and when it was answered with; null before it is issued */
                replyCode: {
                    issuedAt: string;
                    answeredAt: string | null;
                } | null;
                letters: {
                    /** @enum {string} */
                    jurisdiction: "US" | "CN" | "EU";
                    /** @enum {string} */
                    lang: "en" | "zh-CN";
                    /** @enum {string} */
                    format: "pdf" | "html";
                    issuedAt: string;
                    issuerName: string;
                }[];
            }[];
        };
        PublicRecallReply: {
            onHand: number;
            returned: number;
            destroyed: number;
            subDistributed?: {
                name: string;
                qty: number;
            }[];
            note?: string;
        };
        RecallHoldDevices: {
            case: {
                id: string;
                number: string;
                state: string;
                drill: boolean;
                heldAt: string | null;
                lots: number;
            };
            devices: {
                id: string;
                name: string;
                /** @enum {string} */
                state: "has_hold" | "catching_up" | "not_synced";
                acknowledgedAt: string | null;
                lastSeenAt: string | null;
                appVersion: string | null;
                queueDepth: number | null;
            }[];
            has: number;
            missing: number;
        };
        KpiPeriod: {
            from: string;
            to: string;
            days: number;
        };
        Kpi: {
            /** @enum {string} */
            id: "label_print_success_rate" | "label_waste_per_1000" | "reprint_rate" | "printer_downtime" | "qc_release_cycle_time" | "trace_time_p95" | "recall_letters_sent_days" | "recall_responded_by_day_3" | "recall_responded_by_day_7" | "recall_responded_by_day_14" | "recall_quantity_recovered" | "mock_recall_time" | "mock_recall_accounted" | "inventory_turnover" | "days_of_supply" | "lots_without_expiry" | "shipments_without_consignee_address";
            label: components["schemas"]["LocalizedText"];
            /** @enum {string} */
            unit: "percent" | "per_1000" | "hours" | "ms" | "days" | "count" | "ratio";
            /** @enum {string} */
            better: "higher" | "lower" | "none";
            target: {
                min: number;
                max: number;
            } | null;
            formula: components["schemas"]["LocalizedText"];
            /** @description null when the inputs give nothing to stand on (no labels, no recall in the period, no stock) */
            value: number | null;
            inputs: {
                name: string;
                label: components["schemas"]["LocalizedText"];
                value: number;
            }[];
        };
        LocalizedText: {
            en: string;
            "zh-CN": string;
        };
        StockDashboard: {
            site: string;
            warehouse: string | null;
            /** @description Names the state shown; give it to a drill-down to learn whether the stock changed since */
            asOf: string;
            today: string;
            costVisible: boolean;
            settings: components["schemas"]["DashboardSiteSettings"];
            onHand: {
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            };
            byStatus: {
                /** @enum {string} */
                status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            }[];
            byWarehouse: {
                warehouse: string;
                location?: string;
                /** @enum {string} */
                status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            }[];
            /** @description The warehouse asked for by location and status, in code order, a page at a time; null without warehouse= */
            byLocation: {
                rows: {
                    warehouse: string;
                    location?: string;
                    /** @enum {string} */
                    status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
                    /**
                     * @description Quantity, exact decimal text
                     * @example 1250.5
                     */
                    qty: string;
                    /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                    value: string | null;
                    /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                    uncostedQty: string;
                    /** @description Balance rows summed: what the drill-down lists */
                    rows: number;
                }[];
                /** @description Cursor (after=) of the next page of locations; null on the last */
                next: string | null;
            } | null;
            /** @description Expired, each of the site’s bands of days left, and no expiry date: disjoint, summing to onHand */
            expiry: {
                /** @description The bucket to drill into (bucket=) */
                key: string;
                label: string;
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            }[];
            nearExpiry: {
                days: number;
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            };
            /** @description By receipt or production date, summing to onHand */
            ageing: {
                /** @description The bucket to drill into (bucket=) */
                key: string;
                label: string;
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            }[];
            deadStock: {
                days: number;
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            };
            longHolds: {
                days: number;
                /**
                 * @description Quantity, exact decimal text
                 * @example 1250.5
                 */
                qty: string;
                /** @description Value at standard cost, exact decimal text; null for those not shown costs */
                value: string | null;
                /** @description Of qty, the part whose item has no standard cost (counted, not valued) */
                uncostedQty: string;
                /** @description Balance rows summed: what the drill-down lists */
                rows: number;
            };
            negative: {
                qty: string;
                rows: number;
            };
        };
        DashboardSiteSettings: {
            site: string;
            settings: {
                expiryBands: {
                    from: number;
                    /** @description null: no upper end */
                    to: number | null;
                }[];
                ageingBands: {
                    from: number;
                    /** @description null: no upper end */
                    to: number | null;
                }[];
                nearExpiryDays: number;
                deadStockDays: number;
                longHoldDays: number;
            };
            /** @description 0 while the site reads with the defaults */
            version: number;
        };
        StockRow: {
            lotId: string;
            locationId: string;
            lotNumber: string;
            gtin: string;
            sku: string;
            itemName: string;
            warehouse: string;
            location: string;
            /** @enum {string} */
            status: "quarantine" | "released" | "rejected" | "on_hold" | "expired" | "recalled" | "scrapped" | "returned";
            expiresOn: string | null;
            agedOn: string;
            movedOn: string;
            statusSince: string;
            qty: string;
            /** @description null for those not shown costs, or an item without one */
            standardCost: string | null;
            value: string | null;
        };
        ApiKey: {
            id: string;
            integration: string;
            /** @description The first characters of the key, to tell keys apart; the key itself is never shown again */
            prefix: string;
            scopes: ("items:write" | "partners:write" | "locations:write" | "orders:write" | "work-orders:write" | "read" | "epcis:read" | "epcis:capture")[];
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            replacedBy: string | null;
            lastUsedAt: string | null;
            /** @description The trading partner (GLN) the key speaks for: its EPCIS queries return only events shipped to that GLN */
            partnerGln: string | null;
            /** @enum {string} */
            state: "active" | "expiring" | "expired" | "revoked";
        };
        IntegrationRowResult: {
            index: number;
            externalId: string | null;
            /**
             * @description pending: the row changes a regulated field of master data and waits, unwritten, for a QC signature (requestId)
             * @enum {string}
             */
            outcome: "created" | "updated" | "unchanged" | "pending" | "error";
            id?: string;
            /** @description The master-data change request that holds a pending row, or that a change_pending row waits behind */
            requestId?: string;
            field?: string;
            message?: string;
            /** @enum {string} */
            code?: "invalid" | "duplicate" | "unknown_reference" | "conflict" | "change_pending";
            problems?: {
                field: string;
                message: string;
                code?: string;
            }[];
        };
        IntegrationBatchAnswer: {
            summary: {
                rows: number;
                created: number;
                updated: number;
                unchanged: number;
                pending: number;
                errors: number;
            };
            results: components["schemas"]["IntegrationRowResult"][];
        };
        EPCISQueryDocument: {
            "@context": (string | {
                [key: string]: string;
            })[];
            /** @enum {string} */
            type: "EPCISQueryDocument";
            schemaVersion: string;
            creationDate: string;
            epcisBody: {
                queryResults: {
                    queryName: string;
                    resultsBody: {
                        eventList: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
        };
        EPCISCaptureJob: {
            captureID: string;
            createdAt: string;
            finishedAt: string | null;
            running: boolean;
            success: boolean;
            /** @enum {string} */
            captureErrorBehaviour: "rollback" | "proceed";
            eventsReceived: number;
            eventsCaptured: number;
            eventsDuplicate: number;
            errors: components["schemas"]["EPCISCaptureProblem"][];
        };
        EPCISCaptureProblem: {
            event?: number;
            field: string;
            code: string;
            message: string;
        };
        EPCISSettings: {
            companyPrefixLength: number;
            plantGln: string | null;
        };
        ImportJob: {
            id: string;
            kind: components["schemas"]["ImportKind"];
            fileName: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            encoding: string | null;
            headers: string[];
            rows: number;
            sample: string[][];
            suggestedMapping: components["schemas"]["ImportMapping"];
            looksLike: components["schemas"]["ImportKind"] & (string | null);
        };
        /** @enum {string} */
        ImportKind: "items" | "lots" | "stock" | "genealogy" | "shipments";
        /** @description Field -> the column (its header text) it is read from, e.g. { lotNumber: '批号' } */
        ImportMapping: {
            [key: string]: string;
        };
        ImportDryRun: {
            jobId: string;
            kind: components["schemas"]["ImportKind"];
            summary: {
                rows: number;
                ok: number;
                warnings: number;
                errors: number;
                alreadyImported: number;
                toWrite: number;
            };
            issues: components["schemas"]["ImportIssue"][];
            issuesShown: number;
            groups: components["schemas"]["ImportDuplicateGroup"][];
            unmapped: string[];
            readiness: components["schemas"]["RecallReadiness"];
        };
        ImportIssue: {
            /** @description The row as a spreadsheet numbers it: the header is row 1 */
            row: number;
            field: string;
            column: string;
            /** @enum {string} */
            code: "required" | "gtin_syntax" | "gtin_check_digit" | "lot_syntax" | "serial_syntax" | "date_syntax" | "date_order" | "qty_syntax" | "number_syntax" | "code_syntax" | "location_syntax" | "status_unknown" | "origin_unknown" | "bool_syntax" | "too_long" | "unstorable_text" | "broken_text" | "trimmed" | "released_without_qc" | "duplicate_row" | "duplicate_key" | "near_duplicate" | "unknown_item" | "unknown_lot" | "unknown_location" | "unknown_customer" | "conflict" | "changed_since_import" | "already_imported" | "past_expiry";
            /** @enum {string} */
            severity: "error" | "warning";
            message: string;
        };
        ImportDuplicateGroup: {
            /** @enum {string} */
            kind: "exact" | "near";
            key: {
                [key: string]: string;
            };
            rows: number[];
            survivor: number;
        };
        RecallReadiness: {
            consigneeComplete: number | null;
            lotsWithExpiry: number | null;
            finishedWithGenealogy: number | null;
            score: number | null;
            counts: {
                shipmentLines: number;
                shipmentLinesWithConsignee: number;
                lots: number;
                lotsWithExpiry: number;
                finishedLots: number;
                finishedLotsWithGenealogy: number;
            };
        };
        ImportCommit: {
            jobId: string;
            written: number;
            alreadyImported: number;
            repeated: number;
            skipped: number;
            partial: boolean;
        };
        ImportMappingProfile: {
            kind: components["schemas"]["ImportKind"];
            name: string;
            mapping: components["schemas"]["ImportMapping"];
        };
        /** @description An SSCC Lotline issued */
        IssuedSscc: {
            /**
             * @description The 18-digit Serial Shipping Container Code (AI 00)
             * @example 069012340000000017
             */
            sscc: string;
            issuedAt: string;
            /** @description User name of who issued it */
            issuedBy: string | null;
            /** @description What it was issued for (a pallet of a shipment, a case of a work order) */
            purpose: string;
        };
        ContainerContents: {
            sscc: string;
            /**
             * @description A supplier's SSCC is expected while an open ship notice names it and received once booked (until packed or shipped); the plant's own are loose, packed or shipped
             * @enum {string}
             */
            status: "loose" | "packed" | "shipped" | "received" | "expected";
            /** @description The ship notice and supplier of a supplier's SSCC, and who received it, when and where; null for the plant's own */
            inbound: {
                notice: string;
                supplier: string;
                receivedAt: string | null;
                /** @description User name of who received it */
                receivedBy: string | null;
                /** @description Code of the location it was received to */
                receivedLocation: string | null;
            } | null;
            parent: string | null;
            /** @description The containers above it, nearest first */
            path: string[];
            /** @description Its packaging spec */
            spec: string;
            /** @description 0 when labelled and empty (or expected, not received yet); each pack or unpack adds one */
            version: number;
            shippedAt: string | null;
            shipTo: {
                code: string;
                name: string;
            } | null;
            tree: components["schemas"]["ContainerTree"];
            /** @description What it holds at any depth by item and lot, earliest expiry first */
            rollUp: {
                gtin: string;
                lotNumber: string;
                qty: number;
                serials: number;
                expiresOn: string | null;
                /** @description Units of the lot that may not ship now: held, recalled, expired, rejected */
                held: number;
            }[];
        };
        /** @description A container with what it holds directly: units and the containers inside it, each as a tree */
        ContainerTree: {
            sscc: string;
            /** @enum {string} */
            level: "unit" | "inner" | "case" | "pallet";
            version: number;
            shipped: boolean;
            units: {
                gtin: string;
                lotNumber: string;
                serial: string | null;
                qty: number;
            }[];
            children: components["schemas"]["ContainerTree"][];
        };
        /** @description Where the plant's SSCCs are numbered from, and the ship-from of its logistic labels */
        LogisticsSettings: {
            companyPrefix: string;
            extension: number;
            shipFrom: {
                /** @description The plant as the SHIP FROM block names it */
                name: string;
                /** @default [] */
                address: string[];
            };
        } | null;
        UdiRecordView: {
            id: string;
            basicUdiDi: string;
            currentVersion: number;
            publishedVersion: number | null;
            record: components["schemas"]["UdiDeviceRecord"];
            versions: {
                version: number;
                reason: string;
                /** @description Changes a field regulators hold the manufacturer to, against the version before */
                regulated: boolean;
                restoredFrom: number | null;
                createdBy: string | null;
                createdAt: string;
                approval: {
                    signedBy: string;
                    signedAt: string;
                    reason: string;
                } | null;
                published: boolean;
            }[];
        };
        /** @description A device model with its UDI-DIs and the data GUDID, EUDAMED and NMPA ask of it */
        UdiDeviceRecord: {
            /**
             * @description GS1 GMN (AI 8013) with its check character pair
             * @example 0614141STENT-ARF
             */
            basicUdiDi: string;
            packages: components["schemas"]["UdiPackage"][];
            productionIdentifiers: {
                lot: boolean;
                serial: boolean;
                manufactureDate: boolean;
                expiry: boolean;
            };
            brandName: string;
            modelNumber: string;
            catalogNumber: string | null;
            description: string;
            descriptionZh: string | null;
            clinicalSize: string | null;
            gmdnCode: string | null;
            emdnCode: string | null;
            /** @enum {string|null} */
            euRiskClass: "I" | "IIa" | "IIb" | "III" | null;
            manufacturerSrn: string | null;
            labelerDuns: string | null;
            nmpa: {
                /** @enum {string|null} */
                classification: "I" | "II" | "III" | null;
                registrationNumber: string | null;
                productName: string | null;
                registrantName: string | null;
                classificationCode: string | null;
            };
            sterile: boolean;
            sterilizationBeforeUse: boolean;
            singleUse: boolean;
            containsLatex: boolean;
            /** @enum {string} */
            mriSafety: "mr_safe" | "mr_conditional" | "mr_unsafe" | "not_labeled";
            storage: string | null;
            /** @enum {string} */
            status: "in_distribution" | "not_in_distribution" | "recalled" | "fsca";
            /** @description EUDAMED's Basic UDI-DI characteristics; null (or left out) is unanswered, which the EUDAMED pre-submission check lists */
            eudamed?: {
                /** @enum {string|null} */
                type: "DEVICE" | "SYSTEM" | "PROCEDURE_PACK" | null;
                /** @default null */
                implantable: boolean | null;
                /** @default null */
                active: boolean | null;
                /** @default null */
                measuringFunction: boolean | null;
                /**
                 * @description A class I reusable surgical instrument (MDR Art. 52(7)(c))
                 * @default null
                 */
                reusableSurgicalInstrument: boolean | null;
                /**
                 * @description Intended to administer and/or remove a medicinal product
                 * @default null
                 */
                administeringMedicine: boolean | null;
                /**
                 * @description Incorporates a substance that, used separately, would be a medicinal product
                 * @default null
                 */
                medicinalProduct: boolean | null;
                /**
                 * @description Incorporates a medicinal substance derived from human blood or plasma
                 * @default null
                 */
                humanBloodProduct: boolean | null;
                /** @default null */
                humanTissuesCells: boolean | null;
                /** @default null */
                animalTissuesCells: boolean | null;
                /**
                 * @description Implantable class IIb only: a suture, staple, dental filling, brace, crown, screw, wedge, plate, wire, pin, clip or connector (MDR Art. 52(4)); null otherwise
                 * @default null
                 */
                iibImplantableException: boolean | null;
            };
        };
        UdiPackage: {
            /** @example 00614141000012 */
            udiDi: string;
            quantity: number;
            /**
             * @description The UDI-DI of the level this package holds; null for the base unit
             * @example 00614141000012
             */
            contains: string | null;
        };
        UdiRecordChange: {
            field: string;
            rule: string;
            before?: unknown;
            after?: unknown;
        };
        UdiStoredExport: {
            id: string;
            recordId: string;
            /** @description The published version of the device record the file was made of */
            recordVersion: number;
            /** @enum {string} */
            jurisdiction: "GUDID" | "EUDAMED" | "NMPA";
            /**
             * @description gudid-spl-xml (GUDID), eudamed-xml (EUDAMED), nmpa-json or nmpa-xlsx (NMPA UDID)
             * @example eudamed-xml
             * @enum {string}
             */
            format: "gudid-spl-xml" | "eudamed-xml" | "nmpa-json" | "nmpa-xlsx";
            /** @description The record's exports to this regulator, counted from 1 */
            version: number;
            fileName: string;
            contentType: string;
            size: number;
            sha256: string;
            createdBy: string | null;
            createdAt: string;
            /** @enum {string} */
            status: "generated" | "submitted" | "accepted" | "rejected";
            history: {
                /** @enum {string} */
                status: "generated" | "submitted" | "accepted" | "rejected";
                reference: string | null;
                message: string | null;
                recordedBy: string | null;
                recordedAt: string;
            }[];
        };
        UdiSubmissionProblem: {
            /** @enum {string} */
            jurisdiction: "GUDID" | "EUDAMED" | "NMPA";
            udiDi: string | null;
            field: string;
            /** @enum {string} */
            problem: "missing" | "invalid";
            message: string;
        };
        MasterDataChangeRequest: {
            id: string;
            /** @enum {string} */
            kind: "items" | "locations" | "number_rules" | "customers" | "suppliers" | "packaging_specs";
            recordId: string;
            externalId: string;
            /** @description The record's row version the change was proposed against; a record written since makes approval stale */
            baseVersion: number;
            /** @description The columns the integration sent, as they will be written */
            proposed: {
                [key: string]: unknown;
            };
            changes: components["schemas"]["MasterDataChange"][];
            regulatedFields: string[];
            /** @description The integration whose API key sent the change */
            requestedBy: string;
            requestedAt: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
            decidedBy: string | null;
            decidedAt: string | null;
            signature: components["schemas"]["MasterDataSignature"];
            reason: string | null;
        };
        MasterDataChange: {
            field: string;
            before?: unknown;
            after?: unknown;
            regulated: boolean;
        };
        MasterDataSignature: {
            signedBy: string;
            username: string;
            meaning: string;
            signedAt: string;
        } | null;
        MasterDataHistory: {
            /** @enum {string} */
            kind: "items" | "locations" | "number_rules" | "customers" | "suppliers" | "packaging_specs";
            id: string;
            currentVersion: number;
            versions: {
                version: number;
                /** @enum {string} */
                change: "created" | "updated" | "deleted" | "backfilled";
                reason: string;
                /** @description The user, or the integration, import or seed that wrote the change */
                changedBy: string;
                changedAt: string;
                restoredFrom: number | null;
                /** @description Changes a field regulators hold the manufacturer to, against the version before */
                regulated: boolean;
                signature: components["schemas"]["MasterDataSignature"];
                /** @description The whole row as this version stored it */
                data: {
                    [key: string]: unknown;
                };
            }[];
        };
        DataDictionary: {
            /** @enum {string} */
            lang: "en" | "zh-CN";
            tables: {
                name: string;
                /** @enum {string} */
                kind: "table" | "view";
                description: string;
                /** @enum {string} */
                described: "curated" | "generated";
                fields: {
                    name: string;
                    type: string;
                    nullable: boolean;
                    unit: string | null;
                    codes: string[] | null;
                    rules: string[];
                    description: string;
                    /**
                     * @description curated: written by hand; generated: made from the name until someone writes one
                     * @enum {string}
                     */
                    described: "curated" | "generated";
                }[];
                rules: string[];
            }[];
            entities: {
                name: string;
                description: string;
                /** @enum {string} */
                described: "curated" | "generated";
                fields: {
                    name: string;
                    type: string;
                    nullable: boolean;
                    unit: string | null;
                    codes: string[] | null;
                    rules: string[];
                    description: string;
                    /**
                     * @description curated: written by hand; generated: made from the name until someone writes one
                     * @enum {string}
                     */
                    described: "curated" | "generated";
                }[];
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
