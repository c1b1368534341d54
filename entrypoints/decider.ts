import { Decider } from '../src/extension/content/decider';
import { installDecider } from '../src/extension/content/decider-loader';

// Run by the background in a frame's content-script world when the guard there first needs to decide.
export default defineUnlistedScript(() => installDecider(new Decider()));
