-- The search document is kept current by the database, in one place, whoever writes: every change to an article or
-- to one of its blocks updates the article's row (its version moves), and at commit this trigger recomputes the
-- document once for each such update. The text search configuration is the service's setting
-- (content.search.language), which the service writes here at start-up.
CREATE TABLE search_configuration (
    only_row  boolean   PRIMARY KEY DEFAULT true CHECK (only_row),
    language  regconfig NOT NULL DEFAULT 'english'
);
INSERT INTO search_configuration DEFAULT VALUES;

CREATE FUNCTION article_search_document_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Sets only search_document, which is not among the columns below: it does not fire this trigger again.
    UPDATE article
       SET search_document = article_search_document((SELECT language FROM search_configuration), NEW.id)
     WHERE id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER article_search_document_current
    AFTER INSERT OR UPDATE OF headline, subheadline, version ON article
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION article_search_document_refresh();
