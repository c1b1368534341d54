import { render } from 'preact';
import { PolicyView } from '../../src/extension/options/PolicyView';

render(<PolicyView />, document.getElementById('app')!);
