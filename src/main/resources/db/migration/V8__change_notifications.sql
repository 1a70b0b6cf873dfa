-- Every change to what public reads show is announced on the channel content_changes, whoever makes it (any instance
-- of the service, a migration, SQL run by hand): each instance LISTENs and drops the representations it keeps in
-- memory for that article (shared/cache, README: The representation cache). The payload is 'a:<article id>' when an
-- article or one of its blocks changed, 'c:<article id>' when one of its comments did, '*' after a TRUNCATE.
-- PostgreSQL delivers a notification only when its transaction commits, and folds identical ones of a transaction.
-- The triggers fire ALWAYS, also in sessions with session_replication_role = replica (a logical replication
-- subscriber applying changes, pg_restore --disable-triggers): those writes change what readers see too.

CREATE FUNCTION notify_article_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('content_changes', 'a:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
END;
$$;

CREATE FUNCTION notify_paragraph_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('content_changes',
            'a:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END);
    RETURN NULL;
END;
$$;

CREATE FUNCTION notify_comment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('content_changes',
            'c:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END);
    RETURN NULL;
END;
$$;

CREATE FUNCTION notify_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('content_changes', '*');
    RETURN NULL;
END;
$$;

CREATE TRIGGER article_change_notification AFTER INSERT OR UPDATE OR DELETE ON article
    FOR EACH ROW EXECUTE FUNCTION notify_article_change();
CREATE TRIGGER paragraph_change_notification AFTER INSERT OR UPDATE OR DELETE ON paragraph
    FOR EACH ROW EXECUTE FUNCTION notify_paragraph_change();
CREATE TRIGGER comment_change_notification AFTER INSERT OR UPDATE OR DELETE ON comment
    FOR EACH ROW EXECUTE FUNCTION notify_comment_change();

CREATE TRIGGER article_truncate_notification AFTER TRUNCATE ON article
    FOR EACH STATEMENT EXECUTE FUNCTION notify_everything_changed();
CREATE TRIGGER paragraph_truncate_notification AFTER TRUNCATE ON paragraph
    FOR EACH STATEMENT EXECUTE FUNCTION notify_everything_changed();
CREATE TRIGGER comment_truncate_notification AFTER TRUNCATE ON comment
    FOR EACH STATEMENT EXECUTE FUNCTION notify_everything_changed();

ALTER TABLE article ENABLE ALWAYS TRIGGER article_change_notification;
ALTER TABLE paragraph ENABLE ALWAYS TRIGGER paragraph_change_notification;
ALTER TABLE comment ENABLE ALWAYS TRIGGER comment_change_notification;
ALTER TABLE article ENABLE ALWAYS TRIGGER article_truncate_notification;
ALTER TABLE paragraph ENABLE ALWAYS TRIGGER paragraph_truncate_notification;
ALTER TABLE comment ENABLE ALWAYS TRIGGER comment_truncate_notification;
