import { NotFoundError } from '../../common/errors/domain.errors.js';

export class NotificationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Notification', id);
  }
}
