import { render } from 'preact';
import { PolicyStatus } from '../../src/extension/popup/PolicyStatus';
import { RecentDecisions } from '../../src/extension/popup/RecentDecisions';

render(
  <>
    <PolicyStatus />
    <RecentDecisions />
  </>,
  document.getElementById('app')!,
);
