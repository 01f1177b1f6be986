import { zhLobby } from './lobby';
import { archive } from './archive';
import { backup } from './backup';
import { appointments } from './appointments';
import { board } from './board';
import { calendar } from './calendar';
import { cases } from './cases';
import { catalog } from './catalog';
import { counter } from './counter';
import { inquiry } from './inquiry';
import { kiosk } from './kiosk';
import { queue } from './queue';
import { ratings } from './ratings';
import { region } from './region';
import { regionDocs } from './regionDocs';
import { proxy } from './proxy';
import { proxyDesk } from './proxyDesk';
import { complaints } from './complaints';
import { setup } from './setup';
import { refusals } from './refusals';
import { reports } from './reports';
import { staff } from './staff';
import { terminals } from './terminals';
import { guide } from './guide';

/** zh-CN is the product's language: every key is defined here first, one file per feature. */
export const zhCN = {
  ...zhLobby,
  ...counter,
  ...inquiry,
  ...queue,
  ...kiosk,
  ...board,
  ...terminals,
  ...staff,
  ...cases,
  ...catalog,
  ...calendar,
  ...setup,
  ...ratings,
  ...complaints,
  ...reports,
  ...refusals,
  ...archive,
  ...region,
  ...regionDocs,
  ...proxy,
  ...proxyDesk,
  ...backup,
  ...appointments,
  ...guide,
};
