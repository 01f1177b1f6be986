import { type Words } from '../labels';
import type { staff as zh } from '../zh-CN/staff';

export const staff: Words<typeof zh> = {
  'staff.title': 'Staff',
  'staff.add': 'Add a person',
  'staff.name': 'Name',
  'staff.role': 'Role',
  'staff.firstPassword': 'First password (8+ characters)',
  'staff.added': 'Added {login}',
  'staff.list': 'Staff list',
  'staff.resetButton': 'New password',
  'staff.newPassword': 'New password for {login}',
  'staff.reset': 'New password set for {login}; lockout lifted',
};
