// Newsroom reader pages: plain DOM, no framework. Everything a reader or an editor wrote is
// put on the page as text (textContent); the only HTML inserted is a story body, which
// article-service sanitised on write, and search highlights, reduced here to text + <mark>.
'use strict';

const RTL = new Set(['fa', 'ar', 'he', 'ur', 'ps', 'ckb']);
const params = new URLSearchParams(location.search);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

function dirOf(language) {
  return RTL.has(String(language || '').split('-')[0]) ? 'rtl' : 'ltr';
}

function formatTime(iso, language) {
  if (!iso) return '';
  const locale = dirOf(language) === 'rtl' && String(language).startsWith('fa') ? 'fa-IR-u-ca-persian' : 'en-GB';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

async function api(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = new Error((body.error && body.error.message) || response.statusText);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

function status(message) {
  document.getElementById('status').textContent = message || '';
}

function storyLink(a) {
  return a.slug ? '/story.html?slug=' + encodeURIComponent(a.slug) : '/story.html?id=' + encodeURIComponent(a.id);
}

function storyItem(a, extra) {
  const dir = dirOf(a.language);
  return el('li', { dir, lang: a.language },
    el('h3', {}, el('a', { href: storyLink(a) }, a.headline)),
    a.lead ? el('p', {}, a.lead) : '',
    el('p', { class: 'meta' }, [a.section, formatTime(a.publishTime, a.language), extra].filter(Boolean).join(' · ')));
}

/** A story summary from the shapes the list, hot and search answers use. */
function storyOf(item) {
  return item.article || item.story || item;
}

/** Text with <mark> kept and everything else reduced to its text. */
function highlighted(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  template.content.childNodes.forEach(function copy(node) {
    if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent);
    else if (node.nodeName === 'MARK') out.append(el('mark', {}, node.textContent));
    else out.append(node.textContent);
  });
  return out;
}

async function frontPage() {
  const section = params.get('section') || '';
  const sections = await api('/api/v1/sections').catch(() => ({ sections: [] }));
  const nav = document.getElementById('sections');
  nav.append(el('a', { href: '/', 'aria-current': section ? null : 'page' }, 'All · همه'));
  for (const s of sections.sections || []) {
    const names = s.names || {};
    nav.append(el('a', { href: '/?section=' + encodeURIComponent(s.id), 'aria-current': s.id === section ? 'page' : null },
      [names.en, names.fa].filter(Boolean).join(' · ') || s.id));
  }
  let token = '';
  const list = document.getElementById('latest');
  const more = document.getElementById('more');
  async function load() {
    const query = new URLSearchParams({ pageSize: '20' });
    if (section) query.set('section', section);
    if (token) query.set('pageToken', token);
    const page = await api('/api/v1/articles?' + query);
    (page.articles || []).forEach(a => list.append(storyItem(a)));
    token = page.nextPageToken || '';
    more.hidden = !token;
    if (!list.children.length) status('No stories yet.');
  }
  more.addEventListener('click', () => load().catch(e => status(e.message)));
  await load();
  const hotQuery = new URLSearchParams({ window: '24h', limit: '10' });
  if (section) hotQuery.set('section', section);
  api('/api/v1/hot?' + hotQuery).then(hot => {
    const items = hot.stories || hot.items || [];
    if (!items.length) return;
    const ol = document.getElementById('hot');
    items.forEach(item => {
      const a = storyOf(item);
      ol.append(el('li', { dir: dirOf(a.language), lang: a.language }, el('a', { href: storyLink(a) }, a.headline)));
    });
    document.getElementById('hot-box').hidden = false;
  }).catch(() => { /* no hot list: the front page works without it */ });
}

async function storyPage() {
  const id = params.get('id');
  const slug = params.get('slug');
  if (!id && !slug) return status('No story given.');
  let a;
  try {
    a = await api(id ? '/api/v1/articles/' + encodeURIComponent(id) : '/api/v1/articles/by-slug/' + encodeURIComponent(slug));
  } catch (e) {
    return status(e.status === 404 ? 'This story is not available.' : e.message);
  }
  const article = document.getElementById('story');
  article.dir = dirOf(a.language);
  article.lang = a.language;
  document.title = a.headline + ' · Newsroom';
  document.getElementById('story-section').textContent = a.section;
  document.getElementById('story-section').href = '/?section=' + encodeURIComponent(a.section);
  document.getElementById('story-id').textContent = 'News ID: ' + a.id;
  document.getElementById('story-headline').textContent = a.headline;
  document.getElementById('story-lead').textContent = a.lead || '';
  document.getElementById('story-author').textContent = a.author || '';
  document.getElementById('story-published').textContent = formatTime(a.publishTime, a.language);
  document.getElementById('story-published').dateTime = a.publishTime || '';
  if (a.updateTime && a.publishTime && new Date(a.updateTime) - new Date(a.publishTime) > 60000) {
    document.getElementById('story-updated').textContent = '· Updated in: ' + formatTime(a.updateTime, a.language);
  }
  document.getElementById('story-body').innerHTML = a.body || ''; // sanitised by article-service on write
  (a.tags || []).forEach(t => document.getElementById('story-tags').append(el('li', {}, t)));
  article.hidden = false;
  related(a.id);
  comments(a.id);
}

function related(id) {
  api('/api/v1/articles/' + encodeURIComponent(id) + '/related').then(r => {
    const items = r.articles || r.stories || r.items || [];
    if (!items.length) return;
    const ul = document.getElementById('related');
    items.forEach(item => ul.append(storyItem(storyOf(item))));
    document.getElementById('related-box').hidden = false;
  }).catch(() => { /* related stories are optional */ });
}

function commentNode(c, onReply) {
  const reply = el('button', { type: 'button', class: 'link' }, 'Reply');
  reply.addEventListener('click', () => onReply(c));
  const node = el('li', { class: 'comment', dir: 'auto' },
    el('span', { class: 'who' }, c.authorName), ' ',
    el('time', { class: 'meta', datetime: c.createTime }, formatTime(c.createTime)),
    el('p', { dir: 'auto' }, c.body), reply);
  if ((c.replies || []).length) {
    const ol = el('ol', { class: 'comments' });
    c.replies.forEach(r => ol.append(commentNode(r, onReply)));
    node.append(ol);
  }
  return node;
}

async function comments(id) {
  const box = document.getElementById('comments-box');
  const form = document.getElementById('comment-form');
  let thread;
  try {
    thread = await api('/api/v1/articles/' + encodeURIComponent(id) + '/comments');
  } catch (e) {
    return; // comments not offered here
  }
  const onReply = c => {
    form.parentId.value = c.id;
    const to = document.getElementById('reply-to');
    to.textContent = 'Replying to ' + c.authorName;
    to.hidden = false;
    form.body.focus();
  };
  const ol = document.getElementById('comments');
  (thread.comments || []).forEach(c => ol.append(commentNode(c, onReply)));
  document.getElementById('comment-count').textContent = '(' + (thread.totalCount || 0) + ')';
  const open = !thread.settings || thread.settings.commentsOpen !== false;
  form.hidden = !open;
  document.getElementById('comments-closed').hidden = open;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = document.getElementById('comment-result');
    const payload = { authorName: form.authorName.value, body: form.body.value };
    if (form.email.value) payload.email = form.email.value;
    if (form.parentId.value) payload.parentId = form.parentId.value;
    try {
      const posted = await api('/api/v1/articles/' + encodeURIComponent(id) + '/comments', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
      });
      result.textContent = posted.status === 'APPROVED' ? 'Thank you, your comment is published.'
        : 'Thank you, your comment will appear once a moderator approves it.';
      form.body.value = '';
    } catch (e) {
      result.textContent = e.message;
    }
  });
  box.hidden = false;
}

async function searchPage() {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  if (!q.trim()) return status('Type something to search for.');
  document.getElementById('search-title').textContent = 'Search: ' + q;
  let token = '';
  const list = document.getElementById('hits');
  const more = document.getElementById('more');
  async function load() {
    const query = new URLSearchParams({ q, pageSize: '20' });
    for (const key of ['section', 'language', 'sort']) if (params.get(key)) query.set(key, params.get(key));
    if (token) query.set('pageToken', token);
    const page = await api('/api/v1/search?' + query);
    const total = document.getElementById('total');
    total.textContent = (page.totalHits || 0) + ' results';
    if (page.suggestion && !token) {
      total.append(' · Did you mean ', el('a', { href: '/search.html?' + new URLSearchParams({ q: page.suggestion }) }, page.suggestion), '?');
    }
    (page.hits || []).forEach(hit => {
      const a = storyOf(hit);
      const item = storyItem(a);
      const snippets = hit.highlights || [];
      (Array.isArray(snippets) ? snippets : Object.values(snippets)).flat().slice(0, 2)
        .forEach(s => item.append(el('p', {}, highlighted(String(s)))));
      list.append(item);
    });
    token = page.nextPageToken || '';
    more.hidden = !token;
    const facets = page.facets || [];
    const ul = document.getElementById('facets');
    ul.replaceChildren();
    (Array.isArray(facets) ? facets : Object.entries(facets).map(([value, count]) => ({ value, count })))
      .forEach(f => ul.append(el('li', {}, el('a', { href: '/search.html?' + new URLSearchParams({ q, section: f.section || f.value }) },
        (f.section || f.value) + ' (' + f.count + ')'))));
    document.getElementById('facet-box').hidden = !ul.children.length;
  }
  more.addEventListener('click', () => load().catch(e => status(e.message)));
  await load().catch(e => status(e.status === 404 ? 'Search is not available yet.' : e.message));
}

const pages = { front: frontPage, story: storyPage, search: searchPage };
document.addEventListener('DOMContentLoaded', () => {
  const page = pages[document.body.dataset.page];
  if (page) page().catch(e => status(e.message));
});
