import { z } from 'zod';
import { AuditEntry, FrameworkSummary, UnitLevel, VerifyReport, WorkspaceInfo } from '../models';
import type { MethodSpec } from './common';
import { Settings } from '../settings';
import { UploadResult } from './files';

export const Empty = z.object({}).strict();
export const Id = z.number().int().positive();
export const Text = (max: number) => z.string().trim().min(1).max(max);

export const UnitInput = z.object({
  name: Text(200),
  level: UnitLevel,
  parentBody: z.string().trim().max(200).nullish(),
  place: z.string().trim().max(100).nullish(),
});

export const workspaceApi = {
  'app.info': {
    input: Empty,
    output: z.object({ version: z.string(), schemaVersion: z.number().int() }),
  },
  'workspace.info': { input: Empty, output: WorkspaceInfo },
  'workspace.init': {
    input: z.object({
      frameworkId: Text(100),
      year: z.number().int().min(2000).max(2100),
      unit: UnitInput,
      offices: z.array(Text(200)).max(200).optional(),
    }),
    output: WorkspaceInfo,
  },
  'workspace.demo': { input: Empty, output: WorkspaceInfo },
  'workspace.verify': { input: Empty, output: VerifyReport },
  'workspace.audit': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.array(AuditEntry),
  },
  'settings.get': { input: Empty, output: Settings },
  'settings.set': { input: Settings.partial().strict(), output: Settings },
  'uploads.put': {
    input: z.object({
      name: Text(255),
      // ~12 MB of base64: screenshots and small files; large files go through POST /upload or a path.
      dataBase64: z
        .string()
        .min(1)
        .max(16 * 1024 * 1024),
    }),
    output: UploadResult,
  },
  'frameworks.list': { input: Empty, output: z.array(FrameworkSummary) },
  'jobs.cancel': {
    input: z.object({ jobId: Text(100) }),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const satisfies Record<string, MethodSpec>;
