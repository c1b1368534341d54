// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { composeAt } from '../../../../src/extension/content/sites';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('webmail adapters', () => {
  it('Gmail: recipients from the chips, subject, body and attachment names', () => {
    document.body.innerHTML = `<div role="dialog">
      <div name="to"><span data-hovercard-id="a.b@clinic.org">A B</span><span email="c@ourpharma.com">C</span></div>
      <div name="cc"><span data-hovercard-id="d@lab.example">D</span></div>
      <input name="subjectbox" value="Batch 42">
      <div contenteditable="true" aria-label="Message Body">Hello</div>
      <div aria-label="Attachment: results.xlsx"></div>
      <div role="button" id="send" data-tooltip="Send">Send</div></div>`;
    expect(composeAt(document.getElementById('send')!, 'mail.google.com')).toMatchObject({
      recipients: ['a.b@clinic.org', 'c@ourpharma.com', 'd@lab.example'],
      subject: 'Batch 42',
      attachments: ['results.xlsx'],
    });
  });

  it('Outlook: recipient wells, the subject field and the message body', () => {
    document.body.innerHTML = `<div role="main">
      <div aria-label="To"><span title="Qa Lead <qa.lead@ourpharma.com>">Qa Lead</span></div>
      <div aria-label="Cc"><span>partner@cro.example</span></div>
      <input aria-label="Add a subject" value="Deviation report">
      <div contenteditable="true" aria-label="Message body, press Alt+F10 to exit">Text</div>
      <button id="send" aria-label="Send">Send</button></div>`;
    expect(composeAt(document.getElementById('send')!, 'outlook.office.com')).toMatchObject({
      recipients: ['qa.lead@ourpharma.com', 'partner@cro.example'],
      subject: 'Deviation report',
    });
  });

  it('a webmail no adapter knows: fields labelled To and Subject, the largest editable as the body', () => {
    document.body.innerHTML = `<form>
      <label for="rcpt">To</label><input id="rcpt" value="x@partner.example, y@ourpharma.com">
      <input placeholder="Subject" value="Hello">
      <textarea id="body">The body text</textarea>
      <button id="send">Send</button></form>`;
    expect(composeAt(document.getElementById('send')!, 'webmail.example.net')).toMatchObject({
      recipients: ['x@partner.example', 'y@ourpharma.com'],
      subject: 'Hello',
      body: 'The body text',
    });
  });

  it('a chat box with a send button is not an email', () => {
    document.body.innerHTML = `<div><textarea placeholder="Message #general"></textarea><button id="send">Send</button></div>`;
    expect(composeAt(document.getElementById('send')!, 'chat.example.com')).toBeUndefined();
  });

  it('a "To do" field is not a recipient field', () => {
    document.body.innerHTML = `<form><input placeholder="To do"><textarea>notes</textarea><button id="send">Save</button></form>`;
    expect(composeAt(document.getElementById('send')!, 'tasks.example.com')).toBeUndefined();
  });
});
