import { z } from 'zod';
import { Office, Unit, UnitLevel } from '../models';
import type { MethodSpec } from './common';
import { Empty, Id, Text, UnitInput } from './workspace';

export const orgApi = {
  'unit.update': { input: UnitInput, output: Unit },
  'offices.list': { input: Empty, output: z.array(Office) },
  'offices.defaults': { input: z.object({ level: UnitLevel }), output: z.array(z.string()) },
  'offices.add': {
    input: z.object({ name: Text(200), shortName: z.string().trim().max(50).nullish() }),
    output: z.array(Office),
  },
  'offices.update': {
    input: z.object({
      id: Id,
      name: Text(200).optional(),
      shortName: z.string().trim().max(50).nullish(),
      isCoordinator: z.boolean().optional(),
    }),
    output: z.array(Office),
  },
  'offices.remove': { input: z.object({ id: Id }), output: z.array(Office) },
} as const satisfies Record<string, MethodSpec>;
