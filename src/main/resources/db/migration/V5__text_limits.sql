-- Text as the service keeps it, and its limits as invariants (docs/http-api.md §1, §5): whoever writes, a text column
-- holds at most as many characters as the API allows (char_length counts code points, as the service does).
--
-- Rows written before V5 may break them in one way only: comment texts were counted after trimming but stored
-- untrimmed. They are trimmed first, with the whitespace Java's String.strip() removes (Character.isWhitespace), so
-- that every row the API wrote meets its limit and the CHECKs are added validated. Multi-line texts get CRLF (and a
-- lone CR) as LF, as the service now stores them; U+FFFE and U+FFFF, which XML cannot carry, become U+FFFD.
-- A migration over every comment may take longer than the service's statement timeout.
SET LOCAL statement_timeout = 0;

-- A function of this session only, dropped below (the connection goes back to a pool).
CREATE OR REPLACE FUNCTION pg_temp.stored_text(value text, multi_line boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(
        translate(CASE WHEN multi_line THEN replace(replace(value, E'\r\n', E'\n'), E'\r', E'\n') ELSE value END,
                  U&'\FFFE\FFFF', U&'\FFFD\FFFD'),
        '^[\u0009-\u000D\u001C-\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+'
            || '|[\u0009-\u000D\u001C-\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+$',
        '', 'g')
$$;

UPDATE comment
   SET author_name = pg_temp.stored_text(author_name, false), body = pg_temp.stored_text(body, true)
 WHERE author_name IS DISTINCT FROM pg_temp.stored_text(author_name, false)
    OR body IS DISTINCT FROM pg_temp.stored_text(body, true);
UPDATE comment_report SET detail = pg_temp.stored_text(detail, true)
 WHERE detail IS DISTINCT FROM pg_temp.stored_text(detail, true);
UPDATE moderation_decision SET reason = pg_temp.stored_text(reason, true)
 WHERE reason IS DISTINCT FROM pg_temp.stored_text(reason, true);
DROP FUNCTION pg_temp.stored_text(text, boolean);

ALTER TABLE comment
    ADD CONSTRAINT comment_author_name_length CHECK (char_length(author_name) <= 80),
    ADD CONSTRAINT comment_body_length CHECK (char_length(body) <= 5000);
ALTER TABLE comment_report ADD CONSTRAINT comment_report_detail_length CHECK (char_length(detail) <= 1000);
ALTER TABLE moderation_decision
    ADD CONSTRAINT moderation_decision_reason_length CHECK (char_length(reason) <= 1000);

-- Article texts are kept as sent (they are counted as sent); only what XML cannot carry is replaced. The search
-- document trigger (V4) runs at once: a deferred trigger event left pending would forbid the ALTER TABLEs below.
SET CONSTRAINTS article_search_document_current IMMEDIATE;
UPDATE article
   SET headline = translate(headline, U&'\FFFE\FFFF', U&'\FFFD\FFFD'),
       subheadline = translate(subheadline, U&'\FFFE\FFFF', U&'\FFFD\FFFD'),
       dateline = translate(dateline, U&'\FFFE\FFFF', U&'\FFFD\FFFD'),
       byline = translate(byline, U&'\FFFE\FFFF', U&'\FFFD\FFFD')
 WHERE concat(headline, subheadline, dateline, byline) ~ U&'[\FFFE\FFFF]';
UPDATE paragraph
   SET text = translate(text, U&'\FFFE\FFFF', U&'\FFFD\FFFD'),
       attribution = translate(attribution, U&'\FFFE\FFFF', U&'\FFFD\FFFD')
 WHERE concat(text, attribution) ~ U&'[\FFFE\FFFF]';

-- Every tag at most 60 characters, and at most 20 of them: a CHECK cannot hold a subquery, this function can.
CREATE FUNCTION article_tags_within_limits(tags text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(cardinality(tags), 0) <= 20 AND NOT EXISTS (SELECT FROM unnest(tags) AS tag WHERE char_length(tag) > 60)
$$;

ALTER TABLE article
    ADD CONSTRAINT article_headline_length CHECK (char_length(headline) <= 300),
    ADD CONSTRAINT article_subheadline_length CHECK (char_length(subheadline) <= 500),
    ADD CONSTRAINT article_dateline_length CHECK (char_length(dateline) <= 60),
    ADD CONSTRAINT article_byline_length CHECK (char_length(byline) <= 200),
    ADD CONSTRAINT article_section_length CHECK (char_length(section) <= 60),
    ADD CONSTRAINT article_tags_limits CHECK (article_tags_within_limits(tags));
ALTER TABLE paragraph
    ADD CONSTRAINT paragraph_text_length CHECK (char_length(text) <= 10000),
    ADD CONSTRAINT paragraph_attribution_length CHECK (char_length(attribution) <= 200);

-- What the feeds carry (RSS and Atom, XML 1.0) holds nothing XML cannot: one such character in one headline would
-- make the feeds fail for everyone. (PostgreSQL text holds no NUL and no lone surrogate.)
CREATE FUNCTION xml_can_carry(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value !~ '[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]'
$$;

ALTER TABLE article ADD CONSTRAINT article_text_xml CHECK (xml_can_carry(headline) AND xml_can_carry(subheadline)
    AND xml_can_carry(dateline) AND xml_can_carry(byline) AND xml_can_carry(section)
    AND xml_can_carry(array_to_string(tags, ' ')));
ALTER TABLE paragraph ADD CONSTRAINT paragraph_text_xml CHECK (xml_can_carry(text) AND xml_can_carry(attribution));
