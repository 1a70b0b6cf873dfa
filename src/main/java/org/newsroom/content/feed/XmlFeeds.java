package org.newsroom.content.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jdom2.Element;
import org.jdom2.Namespace;
import org.newsroom.content.article.Image;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/**
 * RSS 2.0 and Atom 1.0 written by ROME, which escapes every text it puts into the XML. The HTML inside (the full
 * text, and RSS descriptions, which readers take as HTML) is escaped before, by {@link FeedItem}.
 * <p>
 * RSS and Atom both have a {@code Content} and a {@code Category}; Atom's are the ones imported, and RSS's are named
 * only in {@link #rssHtml} and {@link #rssCategory}.
 */
final class XmlFeeds {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Media RSS (https://www.rssboard.org/media-rss), which RSS and Atom readers alike take the lead image from. */
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private XmlFeeds() {
    }

    /**
     * RSS 2.0: the full text goes into {@code content:encoded}, the author into {@code dc:creator} (RSS's own
     * {@code author} element is meant for an e-mail address, which a byline is not).
     */
    static String rss(String title, String description, FeedLinks links, Instant lastModified,
            List<FeedItem> items) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(title);
        channel.setLink(links.home());
        channel.setDescription(description);
        if (lastModified != null) {
            channel.setLastBuildDate(Date.from(lastModified));
            channel.setPubDate(Date.from(items.get(0).published()));
        }
        channel.setForeignMarkup(listOf(rssSelfLink(links.self())));
        channel.setItems(mapped(items, XmlFeeds::rssItem));
        return write(channel);
    }

    /** Atom 1.0: the summary as text, the full text as {@code <content type="html">}. */
    static String atom(String title, String description, FeedLinks links, Instant lastModified,
            List<FeedItem> items) {
        Feed feed = new Feed("atom_1.0");
        feed.setTitle(title);
        feed.setId(links.self());
        feed.setSubtitle(atomContent(Content.TEXT, description));
        // Atom requires an updated date; an empty feed has none of its own, so it says when it was asked for.
        feed.setUpdated(Date.from(lastModified != null ? lastModified : Instant.now()));
        feed.setAlternateLinks(listOf(atomLink("alternate", links.home(), null)));
        feed.setOtherLinks(listOf(atomLink("self", links.self(), mediaType(FeedKind.ATOM))));
        // Atom requires an author on the feed or on each entry: entries without a byline are the publication's.
        feed.setAuthors(listOf(person(title)));
        feed.setEntries(mapped(items, XmlFeeds::atomEntry));
        return write(feed);
    }

    private static Item rssItem(FeedItem item) {
        Item rssItem = new Item();
        rssItem.setTitle(item.title());
        rssItem.setLink(item.url());
        rssItem.setGuid(permanentId(item.id()));
        rssItem.setPubDate(Date.from(item.published()));
        if (item.summary() != null) {
            rssItem.setDescription(rssDescription(item.summary()));
        }
        rssItem.setContent(rssHtml(item.html()));
        rssItem.setCategories(mapped(item.categories(), XmlFeeds::rssCategory));
        if (item.author() != null) {
            rssItem.setModules(listOf(creator(item.author())));
        }
        if (item.leadImage() != null) {
            rssItem.setForeignMarkup(listOf(mediaContent(item.leadImage())));
        }
        return rssItem;
    }

    private static Entry atomEntry(FeedItem item) {
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitle(item.title());
        entry.setAlternateLinks(listOf(atomLink("alternate", item.url(), null)));
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.updated()));
        if (item.author() != null) {
            entry.setAuthors(listOf(person(item.author())));
        }
        entry.setCategories(mapped(item.categories(), XmlFeeds::atomCategory));
        if (item.summary() != null) {
            entry.setSummary(atomContent(Content.TEXT, item.summary()));
        }
        entry.setContents(listOf(atomContent(Content.HTML, item.html())));
        if (item.leadImage() != null) {
            entry.setForeignMarkup(listOf(mediaContent(item.leadImage())));
        }
        return entry;
    }

    /**
     * The lead image as {@code <media:content medium="image">}, with its size when known, its alt text as
     * {@code media:description} and its credit as {@code media:credit}. Not an {@code <enclosure>}: RSS requires its
     * length in bytes and its media type, which the service, storing only a reference, does not know.
     */
    private static Element mediaContent(Image image) {
        Element content = new Element("content", MEDIA);
        content.setAttribute("url", image.src());
        content.setAttribute("medium", "image");
        if (image.width() != null) {
            content.setAttribute("width", image.width().toString());
            content.setAttribute("height", image.height().toString());
        }
        if (image.alt() != null) {
            content.addContent(new Element("description", MEDIA).setAttribute("type", "plain").setText(image.alt()));
        }
        if (image.credit() != null) {
            content.addContent(new Element("credit", MEDIA).setText(image.credit()));
        }
        return content;
    }

    /** RSS has no element for the feed's own address, so it borrows Atom's, as RSS readers expect. */
    private static Element rssSelfLink(String href) {
        Element self = new Element("link", ATOM);
        self.setAttribute("href", href);
        self.setAttribute("rel", "self");
        self.setAttribute("type", mediaType(FeedKind.RSS));
        return self;
    }

    /** The article's permanent id, which is not a URL (the link is, and moves with the slug). */
    private static Guid permanentId(String id) {
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(id);
        return guid;
    }

    /** Typed as HTML because readers render an RSS description as HTML whatever it says; hence the escaping. */
    private static Description rssDescription(String summary) {
        Description description = new Description();
        description.setType("text/html");
        description.setValue(FeedItem.escape(summary));
        return description;
    }

    private static com.rometools.rome.feed.rss.Content rssHtml(String html) {
        var content = new com.rometools.rome.feed.rss.Content();
        content.setType(com.rometools.rome.feed.rss.Content.HTML);
        content.setValue(html);
        return content;
    }

    private static com.rometools.rome.feed.rss.Category rssCategory(String name) {
        var category = new com.rometools.rome.feed.rss.Category();
        category.setValue(name);
        return category;
    }

    private static Module creator(String author) {
        DCModuleImpl dublinCore = new DCModuleImpl();
        dublinCore.setCreator(author);
        return dublinCore;
    }

    private static Content atomContent(String type, String value) {
        Content content = new Content();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Category atomCategory(String term) {
        Category category = new Category();
        category.setTerm(term);
        return category;
    }

    private static Link atomLink(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    /** A self link's type is the feed's media type without the charset parameter, which belongs to the response. */
    private static String mediaType(FeedKind kind) {
        return kind.mediaType.substring(0, kind.mediaType.indexOf(';'));
    }

    /** ROME's beans hand out their lists to be added to, so they are given lists that can grow. */
    private static <T> List<T> listOf(T element) {
        return new ArrayList<>(List.of(element));
    }

    private static <S, T> List<T> mapped(List<S> sources, Function<? super S, ? extends T> mapper) {
        return sources.stream().map(mapper).collect(Collectors.toCollection(ArrayList::new));
    }

    private static String write(WireFeed feed) {
        feed.setEncoding("UTF-8");
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            // Only a feed this class built wrongly fails here: a bug, answered as a 500 by the problem mapper.
            throw new IllegalStateException("could not write the " + feed.getFeedType() + " feed", e);
        }
    }
}
