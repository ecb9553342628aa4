import { describe, expect, it } from 'vitest';
import { visibleColumns } from './columns';

describe('visibleColumns', () => {
  it('shows the built-in columns and the three most filled custom fields (in field order) by default', () => {
    const v = visibleColumns({}, ['City', 'Empty1', 'Birthday', 'Empty2', 'Shoe', 'Car'], ['Car', 'City', 'Shoe', 'Birthday']);
    expect(v.fields).toEqual(['City', 'Shoe', 'Car']);
    expect([...v.builtins]).toEqual(['tags', 'whatsapp', 'status', 'createdAt']);
  });

  it('hides custom fields empty on every contact unless chosen', () => {
    expect(visibleColumns({}, ['Empty'], []).fields).toEqual([]);
    expect(visibleColumns({ 'field:Empty': true }, ['Empty'], []).fields).toEqual(['Empty']);
  });

  it('follows the operator’s choices, in the field order', () => {
    const v = visibleColumns({ 'field:Car': true, 'field:City': false, tags: false, createdAt: false }, ['City', 'Birthday', 'Car'], ['City', 'Birthday', 'Car']);
    expect(v.fields).toEqual(['Birthday', 'Car']);
    expect([...v.builtins]).toEqual(['whatsapp', 'status']);
  });
});
