// Reads inside Backstory's closed shadow roots (its marks and its card) from the automation side,
// as no page script can: Chromium through the DevTools protocol, Firefox through WebDriver BiDi.
// Used by the end-to-end tests and the demo's screenshots; the extension has no way in for them.

/**
 * @template A, R
 * @typedef {(root: ShadowRoot, arg: A) => R} InShadow
 */

/** @param {Function} fn */
const callOnRoot = (fn) => `function (arg) { return (${fn.toString()})(this, arg); }`;

/**
 * Chromium (playwright-core): `fn(root, arg)` on the shadow root of the first `host` element of the
 * page, or of its frame whose URL is `frameUrl`; null when there is no such host.
 * @param {import('playwright-core').Page} page
 * @param {string | undefined} frameUrl
 */
export function chromiumShadowReader(page, frameUrl) {
  /** @type {Promise<import('playwright-core').CDPSession> | null} */
  let session = null;
  /** @type {{ loaderId: string, contextId: number } | null} */
  let world = null;
  const cdp = () => (session ??= page.context().newCDPSession(page));

  /** An isolated world in the frame's current document, made once per document. */
  async function contextId() {
    const client = await cdp();
    const { frameTree } = await client.send('Page.getFrameTree');
    /** @param {any} tree @returns {any} */
    const find = (tree) =>
      !frameUrl || tree.frame.url === frameUrl
        ? tree.frame
        : (tree.childFrames ?? []).map(find).find(Boolean);
    const frame = find(frameTree);
    if (!frame) return null;
    if (world?.loaderId !== frame.loaderId) {
      const created = await client.send('Page.createIsolatedWorld', {
        frameId: frame.id,
        worldName: 'backstory-test-reader',
      });
      world = { loaderId: frame.loaderId, contextId: created.executionContextId };
    }
    return world.contextId;
  }

  return {
    /**
     * @template A, R
     * @param {string} host @param {InShadow<A, R>} fn @param {A} arg
     * @returns {Promise<R | null>}
     */
    async inShadow(host, fn, arg) {
      const client = await cdp();
      const id = await contextId();
      if (id === null) return null;
      const found = await client.send('Runtime.evaluate', {
        expression: `document.querySelector(${JSON.stringify(host)})`,
        contextId: id,
      });
      const hostId = found.result.objectId;
      if (!hostId) return null;
      try {
        const { node } = await client.send('DOM.describeNode', { objectId: hostId, pierce: true, depth: 1 });
        const shadow = node.shadowRoots?.[0];
        if (!shadow) return null;
        const { object } = await client.send('DOM.resolveNode', {
          backendNodeId: shadow.backendNodeId,
          executionContextId: id,
        });
        const called = await client.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: callOnRoot(fn),
          arguments: [{ value: arg }],
          returnByValue: true,
          awaitPromise: true,
        });
        await client.send('Runtime.releaseObject', { objectId: object.objectId });
        if (called.exceptionDetails) {
          throw new Error(
            `In the shadow root: ${called.exceptionDetails.exception?.description ?? called.exceptionDetails.text}`,
          );
        }
        return called.result.value ?? null;
      } finally {
        await client.send('Runtime.releaseObject', { objectId: hostId });
      }
    },
  };
}

/**
 * Firefox (puppeteer-core over BiDi): the same, through BiDi's node serialisation, which hands the
 * automation closed shadow roots too (`includeShadowTree: 'all'`).
 * @param {{ send(method: string, params: object): Promise<{ result: any }> }} session
 * @param {() => string} contextId the page's browsing context
 */
export function firefoxShadowReader(session, contextId) {
  return {
    /**
     * @template A, R
     * @param {string} host @param {InShadow<A, R>} fn @param {A} arg
     * @returns {Promise<R | null>}
     */
    async inShadow(host, fn, arg) {
      const target = { context: contextId() };
      const { result: found } = await session.send('script.evaluate', {
        expression: `document.querySelector(${JSON.stringify(host)})`,
        target,
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      });
      if (found.type !== 'success') throw new Error(`Finding ${host}: ${found.exceptionDetails?.text}`);
      const shadow = found.result?.value?.shadowRoot;
      if (!shadow?.sharedId) return null;
      const { result: called } = await session.send('script.callFunction', {
        functionDeclaration: `function (json) { return JSON.stringify((${fn.toString()})(this, JSON.parse(json)) ?? null); }`,
        this: { sharedId: shadow.sharedId },
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
        target,
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (called.type !== 'success') throw new Error(`In the shadow root: ${called.exceptionDetails?.text}`);
      return JSON.parse(called.result.value);
    },
  };
}
