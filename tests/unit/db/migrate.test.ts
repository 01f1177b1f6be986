import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { migrate, openDatabase } from '../../../main/db/open';
import { replicaMigrations } from '../../../main/terminal/migrations';
import { tempDir } from '../../support/hub';

const version = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const registries = [
  { name: 'hub', dir: 'main/db/migrations', migrations: hubMigrations },
  { name: 'replica', dir: 'main/terminal/migrations', migrations: replicaMigrations },
];

/**
 * A shipped migration is never edited: databases in the field ran the old text, so a change would
 * make their schema differ from a new hall's. A new migration adds its hash here.
 */
const shipped: Record<string, string[]> = {
  hub: [
    '85a50d6a1c5bb0953578855abf412b0686ebf963ab0a9697d0a74ff0607a111e',
    '20008d2d0548b0998532e3d3f09c7ec14326dba765cfbb7c612dc4b39aa8e051',
    '81aa7b5d7eb93d3afdf6b8446e3533f99f97de7d5cdd61d91cd20d854e3c91b7',
    'feed56271e6c597ba504cbba62fec63afc060e2d75392ea3b21fc2ce5e89ebeb',
    '154fe19adf828ba3a06842e3c1f6e3af8721e337eb8929cc5b5385e364f56122',
    '78753af292eb1e23bd3c81d6f5eef89b994975ddafdc19c26fc946c75666ddce',
    '6d41dc6ddba1f8941448e6fa79a8ff4772ca82687e202672b5df1b43717556c0',
    '463dc155044a7003a703418a5ca19f889d215e1d4bc98d4340cdd8c17af9343e',
    '45d3770b08a5a90ff4abba7e23113c5f9c711a736409e3d2734e04acb9628573',
    '76038e18de5d8d5c5cc1508d443bd561091bae8bee05799f08567202e613fced',
    'e889790f925924baaece94c3a30680747b94a61d10344755370e21f7d6b82a05',
    'fd808ccc46e5d7e0941d9482fc76b88a1a16297adea5564ee8844964435f2e6a',
    '0da843ffdd162255873203fed82c84545fc63d2da31708392ccf263ae66993ad',
    '908f17a0f5649b88ae251cb41837b42a89cabb4b8dabb5a85b88884b5956b321',
    'e84c2d73bdcc8588d05a1cf2a4bb47a81d4ecf04ffe990cf630e626350aafbba',
    'ce822f09b3f6b99191dabd1b46054594afd596e58bd967967c71d0264d273c76',
    '1662812e37c030ede2f749cc6661af9726b9ff46f2794e7ecd04e5a88154d623',
    '59adee2c02905db847051569ef211fc6c49072b8958642d36b023994a4ad9b5f',
    'c83a7df6526f1bc355f1ffdb0a782de71383a0d79e02ab8e2276ebdd10eecb91',
    '19bf3916e69f1cda665b9dab9b443c57514dbaf46c0f6717cc927262604bcd2e',
    'b81102055c942798eb86b9c205e250d7be2fd779043f6a40263aeea2899848a2',
    '9b52e8a41f365c00bd44074a837cd269f393d8b8d8e52a3b86606cb25b3fe202',
    '31d7ea743024c7ec25efcbcf59431a4f1742279be2e5e2c1e26b883aa4342feb',
    'c6f9af513c8554a96d042c08b3c583fd135842edb728314a0883be9cc9ad8998',
    '483398438df92b2d668a4f7554b9f0a86d5fba18deeffe62f53443a42489976a',
    'ed4d3660185b0b46c78e233c746401b485170f92932a03bc46c6767e2db05759',
    '014467b8f11736a6fa519bcbee4108c1fd02e2e97a3af4d1a854acfa59462550',
    'bfcd493cf8eec0aea97f0408789243b603490e6a496b0303bcd9ffc3b63d67a5',
    'bd46da390859eed10581b7322ce9727188b52068ece17a9eefb7ffa0798ec792',
    'c3756d026f7dd3e5d22e65eb6aace7174c6d5fbe902197d3823d0a35a6443357',
    'fbe36ca670a62cfab5c14843cead04177cf5c0416e00c0d25cca9868a7063e26',
    '3a6e55c2f3f35928b98d3cfb67578293a40cb7a9820d0fb67ac3c1ea3fd0bf79',
    'ed0cdaa27177ffe6ce96541e33261596103a54e26d6be41d7935e283378927bc',
    '5461b6c6d3c96df6d53a614b2b096cbcfc9e71327295af35871d34a2d1b8f6e4',
    'a42b9e436bd5958d5861716eaa4fc8599f0ba6c672140f2ba9872ad5f2d69100',
    '27d36e94cb9fcc923a1dbbe88411ff6b9a590cdf64f8cc26f7bd70c207e4604f',
  ],
  replica: ['725105fa77b1e8073f3bb1ac84ff84207e91dd0f74bce02717e9d7dcddcb25d1'],
};

describe.each(registries)('the $name migrations', ({ name, dir, migrations }) => {
  it('are every numbered .sql file of their folder, in order, none edited since shipped', () => {
    // Numbers are taken when work on a migration starts, so one may land before a lower one: the
    // registry lists every file of the folder in the order of their numbers, gaps or not.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files.every((f) => /^\d{4}-/.test(f))).toBe(true);
    expect(files.map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n'))).toEqual(migrations);
    expect(migrations.map((sql) => createHash('sha256').update(sql).digest('hex'))).toEqual(shipped[name]);
  });

  it('bring a fresh database to the newest version', () => {
    const db = openDatabase(path.join(tempDir(), `${name}.db`), { migrations, synchronous: 'FULL' });
    expect(version(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('migrate', () => {
  it('stops at the version asked for and goes on from there later', () => {
    const db = new Database(':memory:');
    migrate(db, hubMigrations, 3);
    expect(version(db)).toBe(3);
    expect(tables(db)).not.toContain('enrollments');
    migrate(db, hubMigrations);
    expect(version(db)).toBe(hubMigrations.length);
    expect(tables(db)).toContain('enrollments');
  });

  it('refuses a database written by a newer program, and leaves it alone', () => {
    const file = path.join(tempDir(), 'hall.db');
    const newer = new Database(file);
    newer.pragma(`user_version = ${hubMigrations.length + 1}`);
    newer.close();
    expect(() => openDatabase(file, { migrations: hubMigrations, synchronous: 'FULL' })).toThrow(
      `database schema ${hubMigrations.length + 1} is newer than this program (${hubMigrations.length}); update ServiceHall`,
    );
    const after = new Database(file);
    expect(version(after)).toBe(hubMigrations.length + 1);
    expect(tables(after)).toEqual([]);
    after.close();
  });

  it('applies each migration in its own transaction: a failing one leaves the version before it', () => {
    const broken = [
      'CREATE TABLE one (x INTEGER);',
      // The first statement succeeds, the second fails: the table must not stay behind.
      'CREATE TABLE two (x INTEGER); INSERT INTO missing VALUES (1);',
      'CREATE TABLE three (x INTEGER);',
    ];
    const db = new Database(':memory:');
    expect(() => migrate(db, broken)).toThrow(/no such table: missing/);
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(['one']);

    const fixed = [broken[0]!, 'CREATE TABLE two (x INTEGER);', broken[2]!];
    migrate(db, fixed);
    expect(version(db)).toBe(3);
    expect(tables(db)).toEqual(['one', 'three', 'two']);
  });
});
