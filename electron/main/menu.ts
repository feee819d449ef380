import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '@shared/contract';
import { de } from '@shared/i18n/de';

/** The familiar menu bar (Datei, Bearbeiten, Ansicht, Hilfe); commands go to the window, which guards unsaved input. */
export function buildMenu(window: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => window()?.webContents.send(MENU_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&Datei',
      submenu: [
        { label: 'Neue &Maßnahme', accelerator: 'CmdOrCtrl+N', click: send('newMeasure') },
        { type: 'separator' },
        { label: 'Register ö&ffnen…', accelerator: 'CmdOrCtrl+O', click: send('openRegister') },
        { label: 'Neues &Register…', click: send('newRegister') },
        { label: de.review.dialogs.menuOpen, click: send('openReviewPackage') },
        { type: 'separator' },
        { label: '&Beenden', role: 'quit' },
      ],
    },
    {
      label: '&Bearbeiten',
      submenu: [
        { label: 'Rückgängig', role: 'undo' },
        { label: 'Wiederholen', role: 'redo' },
        { type: 'separator' },
        { label: 'Ausschneiden', role: 'cut' },
        { label: 'Kopieren', role: 'copy' },
        { label: 'Einfügen', role: 'paste' },
        { label: 'Alles auswählen', role: 'selectAll' },
        { type: 'separator' },
        { label: '&Suchen', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: '&Ansicht',
      submenu: [
        { label: de.overviewUi.menu, accelerator: 'Alt+Home', click: send('showOverview') },
        { label: '&Maßnahmen', accelerator: 'CmdOrCtrl+1', click: send('showRegister') },
        { label: '&Ratsvorlagen', accelerator: 'CmdOrCtrl+2', click: send('showSubmissions') },
        { label: 'E&valuation', accelerator: 'CmdOrCtrl+3', click: send('showEvaluation') },
        { label: '&Fassungen', accelerator: 'CmdOrCtrl+4', click: send('showEditions') },
        { label: de.participation.ui.menuParticipation, accelerator: 'CmdOrCtrl+5', click: send('showParticipation') },
        { label: '&Papierkorb', click: send('showTrash') },
        { label: de.review.dialogs.menuReviews, click: send('showReviews') },
        { label: '&Einstellungen', accelerator: 'CmdOrCtrl+,', click: send('showSettings') },
        { label: de.participation.ui.menuPrivacy, click: send('showPrivacy') },
        { type: 'separator' },
        { label: 'Vergrößern', role: 'zoomIn' },
        { label: 'Verkleinern', role: 'zoomOut' },
        { label: 'Originalgröße', role: 'resetZoom' },
        { label: 'Vollbild', role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Hilfe',
      submenu: [{ label: '&Hilfe', accelerator: 'F1', click: send('showHelp') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
