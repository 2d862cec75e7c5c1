// Path parameters shared by the routes.
import { z } from "zod";

export const dealId = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
