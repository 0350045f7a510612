/**
 * A list of ids (or any strings) as a one-column set in SQL, from one JSON array parameter: no IN
 * list to outgrow the database's limit on bound parameters, and one statement however many there are.
 */
export const IDS = {
  sqlite: '(SELECT value FROM json_each(?))',
  postgresql: '(SELECT jsonb_array_elements_text($1::jsonb))',
};
