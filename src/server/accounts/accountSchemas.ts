import * as v from 'valibot';
import { ROLES } from '../store/database';

/** Minimum length for a password someone chooses; generated ones are longer. */
export const PASSWORD_MIN = 12;
/** Argon2 would hash a megabyte happily; a bound keeps a login request cheap to refuse. */
export const PASSWORD_MAX = 1024;

export const EmailSchema = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());
export const NameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
export const IdSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));
export const RoleSchema = v.picklist(ROLES);
export const NewPasswordSchema = v.pipe(v.string(), v.minLength(PASSWORD_MIN), v.maxLength(PASSWORD_MAX));

export const NewUserSchema = v.object({
  organisationId: IdSchema,
  email: EmailSchema,
  displayName: NameSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
  teamIds: v.optional(v.array(IdSchema), []),
  /** Fixed ids keep the demo data stable across restarts; otherwise a new UUIDv7. */
  id: v.optional(IdSchema),
});
export type NewUser = v.InferInput<typeof NewUserSchema>;
