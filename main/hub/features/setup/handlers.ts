import { type setupCommandSpecs } from '../../../../shared/setup/commands';
import type { FeatureHandlers } from '../../commands/context';
import {
  importSheet,
  removeCounter,
  removeDepartment,
  removeService,
  removeZone,
  saveCounter,
  saveDepartment,
  saveService,
  saveZone,
  setIdentity,
  updateStaff,
} from './apply';

export const setupHandlers = {
  'hall.setIdentity': (ctx) => ({ hall: setIdentity(ctx, ctx.payload) }),
  'zone.save': (ctx) => ({ zone: saveZone(ctx, ctx.payload) }),
  'zone.remove': (ctx) => (removeZone(ctx, ctx.payload.zoneId), {}),
  'department.save': (ctx) => ({ department: saveDepartment(ctx, ctx.payload) }),
  'department.remove': (ctx) => (removeDepartment(ctx, ctx.payload.departmentId), {}),
  'service.save': (ctx) => ({ service: saveService(ctx, ctx.payload) }),
  'service.remove': (ctx) => (removeService(ctx, ctx.payload.serviceId), {}),
  'counter.save': (ctx) => ({ counter: saveCounter(ctx, ctx.payload) }),
  'counter.remove': (ctx) => (removeCounter(ctx, ctx.payload.counterId), {}),
  'staff.update': (ctx) => updateStaff(ctx, ctx.payload),
  'setup.import': (ctx) => ({ counts: importSheet(ctx, ctx.payload.sheet) }),
} satisfies FeatureHandlers<typeof setupCommandSpecs>;
