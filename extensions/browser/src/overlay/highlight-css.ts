/** `::highlight()` rules must live in the page's document to style its text; they style only Greenlight's named highlights. */
export const HIGHLIGHT_CSS = `
::highlight(greenlight-error){text-decoration:underline wavy #d93025;text-decoration-skip-ink:none;text-underline-offset:2px;background-color:rgba(217,48,37,.08)}
::highlight(greenlight-warning){text-decoration:underline wavy #e37400;text-decoration-skip-ink:none;text-underline-offset:2px;background-color:rgba(227,116,0,.08)}
::highlight(greenlight-info){text-decoration:underline dotted #1a73e8;text-underline-offset:2px}
`;
