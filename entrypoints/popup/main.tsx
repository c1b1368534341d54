import { render } from 'preact';
import { PolicyStatus } from '../../src/extension/popup/PolicyStatus';
import { MyRequests } from '../../src/extension/popup/MyRequests';
import { RecentDecisions } from '../../src/extension/popup/RecentDecisions';

render(
  <>
    <PolicyStatus />
    <MyRequests />
    <RecentDecisions />
  </>,
  document.getElementById('app')!,
);
