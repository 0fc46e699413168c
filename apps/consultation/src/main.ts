import 'reflect-metadata';
import { ConsultationModule } from '@aftersales/consultation-feature-support';
import { runService } from '@aftersales/shared-service';

await runService('consultation', ConsultationModule);
