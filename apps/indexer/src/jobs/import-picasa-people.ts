import { faces, type KindredDb, people } from '@kindred/db';
import { and, eq, isNull } from 'drizzle-orm';
import { UNNAMED_CONTACT_ID } from '../picasa/types.js';

/** Who a Picasa face belongs to: a person (confirmed), or nobody (Picasa's unnamed `ffff…` id). */
export interface PicasaAssignment {
  personId: number | null;
  state: 'confirmed' | 'unassigned';
}

/**
 * Turns Picasa contact ids into Kindred people. Names come from `contacts.xml` first, then the
 * face's own folder's `[Contacts2]`, then any other `[Contacts2]` read in this run. One person per
 * name: a person already linked to the id (even if renamed in Kindred since) is used first, then a
 * person with the name; otherwise a person is created. An id with no name anywhere becomes a person
 * without a name (a confirmed "same person" group the family can name later); when a name turns up
 * later, that person is named, or merged into the person who already has the name.
 */
export class PicasaPeople {
  private readonly cache = new Map<string, number>();
  readonly created = new Set<number>();

  constructor(
    private readonly db: KindredDb,
    private readonly xmlNames: ReadonlyMap<string, string>,
    private readonly runNames: ReadonlyMap<string, string>,
  ) {}

  /** Names the unnamed people whose contact id `contacts.xml` knows (run once per import). */
  nameFromContactsXml(): void {
    for (const person of this.db.select().from(people).where(isNull(people.name)).all()) {
      const name = person.picasaContactId ? this.xmlNames.get(person.picasaContactId) : undefined;
      if (name && person.mergedInto === null) this.giveName(person.id, name);
    }
  }

  assign(contactId: string, folderNames: ReadonlyMap<string, string>): PicasaAssignment {
    if (contactId === UNNAMED_CONTACT_ID) return { personId: null, state: 'unassigned' };
    const name =
      this.xmlNames.get(contactId) ?? folderNames.get(contactId) ?? this.runNames.get(contactId) ?? null;
    const key = `${contactId}\u0000${name ?? ''}`;
    let personId = this.cache.get(key);
    if (personId === undefined) {
      personId = this.resolve(contactId, name);
      this.cache.set(key, personId);
    }
    return { personId, state: 'confirmed' };
  }

  private resolve(contactId: string, name: string | null): number {
    const linked = this.db.select().from(people).where(eq(people.picasaContactId, contactId)).get();
    if (linked) {
      const id = this.followMerges(linked.id);
      if (name && linked.name === null && id === linked.id) return this.giveName(id, name);
      return id;
    }
    if (name) {
      const named = this.db.select().from(people).where(eq(people.name, name)).get();
      if (named) {
        if (named.picasaContactId === null) {
          this.db.update(people).set({ picasaContactId: contactId }).where(eq(people.id, named.id)).run();
        }
        return this.followMerges(named.id);
      }
    }
    return this.create(name, contactId);
  }

  /**
   * The person with this name (following merges), created when nobody has it: how names from other
   * sources (XMP regions) become people, one person per name like Picasa's.
   */
  named(name: string): number {
    let personId = this.cache.get(`\u0000${name}`);
    if (personId === undefined) {
      const holder = this.db.select().from(people).where(eq(people.name, name)).get();
      personId = holder ? this.followMerges(holder.id) : this.create(name, null);
      this.cache.set(`\u0000${name}`, personId);
    }
    return personId;
  }

  private create(name: string | null, contactId: string | null): number {
    const row = this.db
      .insert(people)
      .values({ name, picasaContactId: contactId })
      .returning({ id: people.id })
      .get();
    this.created.add(row.id);
    return row.id;
  }

  /** Names an unnamed person, or merges it into the person who already has that name. */
  private giveName(personId: number, name: string): number {
    const holder = this.db.select().from(people).where(eq(people.name, name)).get();
    if (!holder) {
      this.db.update(people).set({ name }).where(eq(people.id, personId)).run();
      return personId;
    }
    const target = this.followMerges(holder.id);
    this.db.update(faces).set({ personId: target }).where(eq(faces.personId, personId)).run();
    this.db
      .update(people)
      .set({ mergedInto: target })
      .where(and(eq(people.id, personId), isNull(people.name)))
      .run();
    return target;
  }

  private followMerges(personId: number): number {
    let id = personId;
    for (let hops = 0; hops < 100; hops++) {
      const row = this.db
        .select({ mergedInto: people.mergedInto })
        .from(people)
        .where(eq(people.id, id))
        .get();
      if (!row?.mergedInto) return id;
      id = row.mergedInto;
    }
    return id;
  }
}
