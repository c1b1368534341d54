import { render } from 'preact';
import { PolicyStatus } from '../../src/extension/popup/PolicyStatus';

render(<PolicyStatus />, document.getElementById('app')!);
