import { render } from 'preact';
import { App } from './app';
import { onLinkClick } from './router';
import './styles.css';

document.addEventListener('click', onLinkClick);
render(<App />, document.getElementById('root')!);
