import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { createRequester } from '@/lib/protocol/client';
import { compileRegexMatcher } from '@/lib/entities/regex-matcher';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));
    const { entities } = await request('entities.catalog', {});
    if (ctx.isInvalid || entities.length === 0) return;
    const countMentions = compileRegexMatcher(entities);
    const mentions = countMentions(document.body?.innerText ?? '');
    if (ctx.isInvalid) return;
    await request('page.report', { url: location.href, title: document.title, mentions });
  },
});
