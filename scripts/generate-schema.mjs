import { z } from 'zod';
import { reportDocumentSchema } from '../dist/index.js';
try { const j = z.toJSONSchema(reportDocumentSchema); console.log(JSON.stringify(j,null,1).slice(0,6000)); } catch(e) { console.log('ERR', e.message); }
