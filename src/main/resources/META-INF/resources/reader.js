// The reader page: plain JavaScript over the public content API (no framework, no build step).
// Everything the API answers is untrusted text: it is only ever set with textContent, never as HTML.
(function () {
    'use strict';

    var API = 'api/v1/'; // relative to the page, so the page works wherever the service is mounted
    var TOKEN_KEY_PREFIX = 'newsroom.comment-token.'; // localStorage: the token of each comment posted here

    var state = {
        listLoaded: false,
        listCursor: null,
        article: null, // the article on show
        commentsCursor: null,
        commentCount: 0,
        stream: null, // the EventSource of the article on show (live comments)
        route: 0 // bumped on each navigation so that late answers for an old view are dropped
    };

    function $(id) {
        return document.getElementById(id);
    }

    // ---- small DOM helpers (text only)

    function el(tag, attributes, text) {
        var node = document.createElement(tag);
        if (attributes) {
            Object.keys(attributes).forEach(function (name) {
                node.setAttribute(name, attributes[name]);
            });
        }
        if (text !== undefined && text !== null) {
            node.textContent = text;
        }
        return node;
    }

    function show(node, visible) {
        node.hidden = !visible;
    }

    function setText(node, text) {
        node.textContent = text || '';
        show(node, !!text);
    }

    function timeElement(iso, withTime) {
        var node = el('time');
        if (!iso) {
            return node;
        }
        node.setAttribute('datetime', iso);
        var date = new Date(iso);
        var options = withTime
            ? { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' }
            : { year: 'numeric', month: 'long', day: 'numeric' };
        node.textContent = isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, options);
        return node;
    }

    function status(message) {
        $('status').textContent = message || '';
        show($('status'), !!message);
    }

    // ---- HTTP

    function getJson(path) {
        return fetch(API + path, { headers: { Accept: 'application/json' } }).then(function (response) {
            if (!response.ok) {
                var error = new Error('HTTP ' + response.status);
                error.status = response.status;
                throw error;
            }
            return response.json();
        });
    }

    function withCursor(path, cursor) {
        return cursor ? path + (path.indexOf('?') < 0 ? '?' : '&') + 'cursor=' + encodeURIComponent(cursor) : path;
    }

    function uuid() {
        if (window.crypto && typeof window.crypto.randomUUID === 'function') {
            return window.crypto.randomUUID();
        }
        // randomUUID needs a secure context (https or localhost); getRandomValues does not.
        var bytes = window.crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        var hex = Array.prototype.map.call(bytes, function (b) {
            return (b + 0x100).toString(16).slice(1);
        }).join('');
        return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
            + hex.slice(20);
    }

    // ---- routing: #/ is the list, #/articles/<slug> one article

    function route() {
        state.route += 1;
        stopLiveComments();
        var match = /^#\/articles\/([^/?#]+)$/.exec(window.location.hash);
        if (match) {
            var slug;
            try {
                slug = decodeURIComponent(match[1]);
            } catch (e) {
                slug = match[1];
            }
            showArticle(slug, state.route);
        } else {
            showList();
        }
    }

    // ---- the list

    function showList() {
        show($('article-view'), false);
        show($('list-view'), true);
        document.title = 'News reader';
        status('');
        if (!state.listLoaded) {
            state.listLoaded = true;
            loadArticles(null);
        } else {
            $('list-heading').focus();
        }
    }

    function loadArticles(cursor) {
        var more = $('more-articles');
        more.disabled = true;
        status(cursor ? '' : 'Loading articles…');
        getJson(withCursor('articles', cursor)).then(function (page) {
            status('');
            var list = $('article-list');
            page.items.forEach(function (article) {
                list.appendChild(articleItem(article));
            });
            state.listCursor = page.nextCursor || null;
            show($('list-empty'), list.children.length === 0);
            show(more, !!state.listCursor);
            more.disabled = false;
        }).catch(function () {
            status('The articles could not be loaded. Reload the page to try again.');
            if (!cursor) {
                state.listLoaded = false;
            }
            more.disabled = false;
        });
    }

    function articleItem(article) {
        var item = el('li', { 'class': 'article-item', 'data-testid': 'article-item', 'data-slug': article.slug });
        var heading = el('h2', { 'class': 'article-item-headline' });
        heading.appendChild(el('a', { href: '#/articles/' + encodeURIComponent(article.slug),
            'data-testid': 'article-link' }, article.headline));
        item.appendChild(heading);
        var meta = el('p', { 'class': 'article-meta' });
        meta.replaceChildren.apply(meta, metaParts(article, false));
        item.appendChild(meta);
        if (article.leadImage) {
            item.appendChild(figure(article.leadImage, { 'class': 'lead-image', 'data-testid': 'article-item-image' }));
        }
        if (article.excerpt) {
            item.appendChild(el('p', { 'class': 'excerpt', 'data-testid': 'article-excerpt' }, article.excerpt));
        }
        return item;
    }

    // The line under a headline: dateline, byline and date, only those the article has.
    function metaParts(article, full) {
        var parts = [];
        if (article.dateline) {
            parts.push(el('span', { 'class': 'dateline', 'data-testid': 'article-dateline' }, article.dateline));
        }
        if (full && article.byline) {
            parts.push(el('span', { 'class': 'byline', 'data-testid': 'article-byline' }, 'By ' + article.byline));
        }
        if (article.publishedAt) {
            var date = timeElement(article.publishedAt, full);
            date.setAttribute('data-testid', 'article-date');
            parts.push(date);
        }
        return parts;
    }

    // ---- one article

    function showArticle(slug, routeId) {
        show($('list-view'), false);
        show($('article-view'), false);
        status('Loading the article…');
        getJson('articles/' + encodeURIComponent(slug)).then(function (article) {
            if (routeId !== state.route) {
                return;
            }
            status('');
            renderArticle(article);
            show($('article-view'), true);
            $('article-headline').focus();
            loadComments(article, null, routeId);
            if (article.commentsOpen) {
                startLiveComments(article, routeId);
            }
        }).catch(function (error) {
            if (routeId !== state.route) {
                return;
            }
            status(error.status === 404
                ? 'This article could not be found. It may have been withdrawn.'
                : 'The article could not be loaded. Reload the page to try again.');
            show($('list-view'), true);
            if (!state.listLoaded) {
                state.listLoaded = true;
                loadArticles(null);
            }
        });
    }

    function renderArticle(article) {
        state.article = article;
        document.title = article.headline + ' · News reader';
        $('article').setAttribute('data-article-id', String(article.id));
        $('article-headline').textContent = article.headline;
        setText($('article-subheadline'), article.subheadline);
        $('article-meta').replaceChildren.apply($('article-meta'), metaParts(article, true));

        var lead = $('article-lead-image');
        lead.replaceChildren();
        if (article.leadImage) {
            lead.appendChild(figure(article.leadImage, { 'class': 'lead-image', 'data-testid': 'article-lead-figure' }));
        }
        show(lead, !!article.leadImage);

        var body = $('article-body');
        body.replaceChildren();
        (article.paragraphs || []).forEach(function (block) {
            body.appendChild(renderBlock(block));
        });

        $('comment-list').replaceChildren();
        show($('comments-empty'), false);
        show($('more-comments'), false);
        state.commentsCursor = null;
        state.commentCount = 0;
        resetForm(true);
        show($('comments-closed'), !article.commentsOpen);
    }

    function renderBlock(block) {
        var attributes = { 'data-testid': 'block', 'data-type': block.type, 'data-position': String(block.position) };
        var node;
        switch (block.type) {
            case 'heading':
                node = el('h2', attributes, block.text);
                node.className = 'block-heading';
                return node;
            case 'blockquote':
                node = el('blockquote', attributes);
                node.appendChild(el('p', null, block.text));
                if (block.attribution) {
                    var footer = el('footer');
                    footer.appendChild(el('cite', null, block.attribution));
                    node.appendChild(footer);
                }
                return node;
            case 'pullquote':
                node = el('aside', attributes);
                node.className = 'pullquote';
                node.setAttribute('aria-label', 'Pull quote');
                node.appendChild(el('p', null, block.text));
                if (block.attribution) {
                    node.appendChild(el('p', { 'class': 'attribution' }, block.attribution));
                }
                return node;
            case 'image':
                return block.image ? figure(block.image, attributes) : el('p', attributes);
            default: // 'paragraph', and whatever a later version of the API adds
                return el('p', attributes, block.text);
        }
    }

    // A picture by reference: alt (empty when decorative), lazy, its size when known (no layout shift), and a caption
    // of the caption and the credit. The reader page's CSP allows https images (img-src).
    function figure(image, attributes) {
        var node = el('figure', attributes);
        var img = el('img', { src: image.src, alt: image.decorative ? '' : (image.alt || ''), loading: 'lazy',
            decoding: 'async' });
        if (image.width && image.height) {
            img.setAttribute('width', String(image.width));
            img.setAttribute('height', String(image.height));
        }
        node.appendChild(img);
        if (image.caption || image.credit) {
            var caption = el('figcaption', null, image.caption || '');
            if (image.credit) {
                caption.appendChild(el('small', { 'class': 'credit' }, (image.caption ? ' ' : '') + image.credit));
            }
            node.appendChild(caption);
        }
        return node;
    }

    // ---- comments

    function loadComments(article, cursor, routeId) {
        var more = $('more-comments');
        more.disabled = true;
        getJson(withCursor('articles/' + article.id + '/comments', cursor)).then(function (page) {
            if (routeId !== state.route) {
                return;
            }
            page.items.forEach(function (comment) {
                addComment($('comment-list'), comment);
            });
            state.commentsCursor = page.nextCursor || null;
            show(more, !!state.commentsCursor);
            show($('comments-empty'), state.commentCount === 0);
            more.disabled = false;
        }).catch(function () {
            if (routeId === state.route) {
                status('The comments could not be loaded.');
                more.disabled = false;
            }
        });
    }

    function addComment(list, comment) {
        list.appendChild(commentItem(comment));
        if (list === $('comment-list')) {
            state.commentCount += 1;
            show($('comments-empty'), false);
        }
    }

    function commentItem(comment) {
        var item = el('li', { 'class': 'comment', 'data-testid': 'comment', 'data-comment-id': String(comment.id),
            'data-status': comment.status });
        var box = el('article', { 'aria-label': 'Comment' });
        var header = el('p', { 'class': 'comment-meta' });
        if (comment.status === 'deleted') {
            header.appendChild(el('span', { 'class': 'comment-author muted' }, 'Deleted comment'));
        } else {
            header.appendChild(el('span', { 'class': 'comment-author', 'data-testid': 'comment-author' },
                comment.authorName));
        }
        header.appendChild(timeElement(comment.createdAt, true));
        if (comment.editedAt) {
            header.appendChild(el('span', { 'class': 'muted' }, '(edited)'));
        }
        box.appendChild(header);
        if (comment.status === 'pending') {
            box.appendChild(el('p', { 'class': 'notice', 'data-testid': 'comment-pending' },
                'Your comment is awaiting moderation: others will see it once a moderator approves it.'));
        }
        if (comment.status !== 'deleted') {
            box.appendChild(el('p', { 'class': 'comment-body', 'data-testid': 'comment-body-text' }, comment.body));
        } else {
            box.appendChild(el('p', { 'class': 'comment-body muted' }, 'This comment was deleted.'));
        }
        item.appendChild(box);
        item.__comment = comment;

        if (comment.replyCount > 0 && comment.parentId === null) {
            var replies = el('ol', { 'class': 'reply-list', 'data-testid': 'reply-list' });
            var button = el('button', { type: 'button', 'class': 'button link', 'data-testid': 'show-replies',
                'aria-expanded': 'false' }, comment.replyCount === 1 ? 'Show 1 reply' : 'Show ' + comment.replyCount
                + ' replies');
            var cursor = null;
            var loadReplies = function () {
                button.disabled = true;
                getJson(withCursor('comments/' + comment.id + '/replies', cursor)).then(function (page) {
                    page.items.forEach(function (reply) {
                        replies.appendChild(commentItem(reply));
                    });
                    cursor = page.nextCursor || null;
                    button.setAttribute('aria-expanded', 'true');
                    button.textContent = 'More replies';
                    show(button, !!cursor);
                    button.disabled = false;
                }).catch(function () {
                    button.textContent = 'The replies could not be loaded: try again';
                    button.disabled = false;
                });
            };
            button.addEventListener('click', loadReplies);
            item.appendChild(replies);
            item.appendChild(button);
        }
        return item;
    }

    // ---- live comments: the article's comment stream (Server-Sent Events); the browser reconnects by itself and
    // resumes with Last-Event-ID. Everything it sends is untrusted text too.

    function startLiveComments(article, routeId) {
        if (typeof window.EventSource !== 'function') {
            return;
        }
        var stream = new EventSource(API + 'articles/' + article.id + '/comments/stream');
        state.stream = stream;
        stream.addEventListener('open', function () {
            $('comment-list').setAttribute('data-live', 'open'); // the stream answered (tests and styles)
        });
        stream.addEventListener('error', function () {
            $('comment-list').setAttribute('data-live', 'reconnecting');
        });
        var parse = function (event) {
            if (routeId !== state.route) {
                return null;
            }
            try {
                return JSON.parse(event.data);
            } catch (e) {
                return null;
            }
        };
        stream.addEventListener('comment', function (event) {
            var comment = parse(event);
            if (comment) {
                liveComment(comment);
            }
        });
        stream.addEventListener('removed', function (event) {
            var removed = parse(event);
            var node = removed && commentNode(removed.id);
            if (node) {
                if (node.parentNode === $('comment-list')) {
                    state.commentCount -= 1;
                    show($('comments-empty'), state.commentCount === 0);
                }
                node.remove();
            }
        });
        stream.addEventListener('replies', function (event) {
            var replies = parse(event);
            var node = replies && commentNode(replies.id);
            if (node && node.__comment && node.__comment.replyCount !== replies.replyCount) {
                node.__comment.replyCount = replies.replyCount;
                node.replaceWith(commentItem(node.__comment));
            }
        });
        stream.addEventListener('reload', function () {
            if (routeId === state.route) {
                $('comment-list').replaceChildren();
                state.commentCount = 0;
                loadComments(article, null, routeId);
            }
        });
        stream.addEventListener('closed', function () {
            stream.close();
            if (routeId === state.route) {
                show($('comments-closed'), true);
            }
        });
    }

    function stopLiveComments() {
        $('comment-list').removeAttribute('data-live');
        if (state.stream) {
            state.stream.close();
            state.stream = null;
        }
    }

    function commentNode(id) {
        return document.querySelector('[data-testid="comment"][data-comment-id="' + Number(id) + '"]');
    }

    /** A comment readers may see now: an edit replaces it in place, a new one joins the end of the loaded list. */
    function liveComment(comment) {
        var existing = commentNode(comment.id);
        if (existing) {
            var fresh = commentItem(comment);
            existing.replaceChild(fresh.firstChild, existing.firstChild);
            existing.__comment = comment;
            return;
        }
        // Oldest first: a new top-level comment belongs after every page, so it is shown once the last one is.
        if (comment.parentId === null && !state.commentsCursor) {
            addComment($('comment-list'), comment);
        }
    }

    // ---- the comment form

    var FIELDS = { authorName: 'comment-name', body: 'comment-body' };

    function resetForm(clearValues) {
        var form = $('comment-form');
        if (clearValues) {
            form.reset();
        }
        clearErrors();
        $('comment-submit').disabled = false;
    }

    function clearErrors() {
        setText($('comment-form-error'), '');
        setText($('comment-form-success'), '');
        Object.keys(FIELDS).forEach(function (field) {
            setText($(FIELDS[field] + '-error'), '');
            $(FIELDS[field]).removeAttribute('aria-invalid');
        });
    }

    function showProblem(problem, response) {
        var formError = $('comment-form-error');
        formError.replaceChildren();
        var detail = (problem && (problem.detail || problem.title)) || 'Your comment could not be posted (HTTP '
            + response.status + ').';
        formError.appendChild(el('p', null, detail));
        var retryAfter = response.headers.get('Retry-After');
        if (response.status === 429 && retryAfter) {
            formError.appendChild(el('p', null, 'Please wait ' + retryAfter + ' seconds before trying again.'));
        }
        var others = el('ul');
        var firstInvalid = null;
        ((problem && problem.errors) || []).forEach(function (error) {
            var id = FIELDS[error.field];
            if (id) {
                var target = $(id + '-error');
                setText(target, target.textContent ? target.textContent + '; ' + error.message
                    : labelFor(id) + ' ' + error.message);
                $(id).setAttribute('aria-invalid', 'true');
                firstInvalid = firstInvalid || $(id);
            } else {
                others.appendChild(el('li', null, error.field + ': ' + error.message));
            }
        });
        if (others.children.length) {
            formError.appendChild(others);
        }
        show(formError, true);
        (firstInvalid || formError).focus();
    }

    function labelFor(id) {
        var label = document.querySelector('label[for="' + id + '"]');
        return label ? label.textContent : id;
    }

    function rememberToken(created) {
        if (!created.token) {
            return;
        }
        try {
            window.localStorage.setItem(TOKEN_KEY_PREFIX + created.id, created.token);
        } catch (e) {
            // Storage may be off (private mode, quota): the comment stands, only later edits need the token.
        }
    }

    // POST with one Idempotency-Key; a network error (no answer at all) is retried once with the same key, so
    // that a comment the server did store is replayed rather than stored twice.
    function postComment(articleId, payload) {
        var key = uuid();
        var request = function () {
            return fetch(API + 'articles/' + articleId + '/comments', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json',
                    'Idempotency-Key': key },
                body: JSON.stringify(payload)
            });
        };
        return request().catch(function () {
            return request();
        });
    }

    function submitComment(event) {
        event.preventDefault();
        var article = state.article;
        if (!article) {
            return;
        }
        var routeId = state.route;
        var submit = $('comment-submit');
        clearErrors();
        submit.disabled = true;
        submit.textContent = 'Posting…';
        var payload = { authorName: $('comment-name').value, body: $('comment-body').value };
        postComment(article.id, payload).then(function (response) {
            var isProblem = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
            return (isProblem ? response.json().catch(function () {
                return null;
            }) : Promise.resolve(null)).then(function (json) {
                if (routeId !== state.route) {
                    return;
                }
                if (response.status === 201 && json) {
                    rememberToken(json);
                    delete json.token;
                    if (!commentNode(json.id)) { // the live stream may have shown it already
                        addComment($('comment-list'), json);
                    }
                    $('comment-body').value = '';
                    setText($('comment-form-success'), json.status === 'pending'
                        ? 'Thank you: your comment is awaiting moderation.'
                        : 'Thank you: your comment is published.');
                } else {
                    showProblem(json, response);
                }
            });
        }).catch(function () {
            var formError = $('comment-form-error');
            formError.replaceChildren(el('p', null,
                'Your comment could not be sent: check your connection and try again.'));
            show(formError, true);
        }).then(function () {
            submit.disabled = false;
            submit.textContent = 'Post comment';
        });
    }

    // ---- start

    document.addEventListener('DOMContentLoaded', function () {
        $('more-articles').addEventListener('click', function () {
            loadArticles(state.listCursor);
        });
        $('more-comments').addEventListener('click', function () {
            if (state.article) {
                loadComments(state.article, state.commentsCursor, state.route);
            }
        });
        $('comment-form').addEventListener('submit', submitComment);
        window.addEventListener('hashchange', route);
        route();
    });
})();
