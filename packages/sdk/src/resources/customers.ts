import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  BodyOf,
  Customer,
  CustomerPage,
  CustomerTransaction,
  CustomerTransactionPage,
  ListQuery,
} from '../types.js';
import { Resource } from './resource.js';

/** A customer's payments and refunds. */
export class CustomerTransactions extends Resource {
  /** The customer's transactions, newest first. */
  list(
    customerId: string,
    query: ListQuery<'listCustomerTransactions'> = {},
    options?: RequestOptions,
  ): PagePromise<CustomerTransaction, CustomerTransactionPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/customers/{id}/transactions', {
            params: { path: { id: customerId }, query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /**
   * Records a payment (negative amount: a refund); the first paid one makes the customer
   * `paid`, and the program's offer may earn the partner a commission. Idempotent on
   * `externalId`: the same id again returns the transaction first recorded.
   */
  create(
    customerId: string,
    body: BodyOf<'createCustomerTransaction'>,
    options?: RequestOptions,
  ): Promise<CustomerTransaction> {
    return this.core.run(
      this.core.http.POST('/v1/customers/{id}/transactions', {
        params: { path: { id: customerId } },
        body,
        ...this.core.init('POST', options),
      }),
    );
  }
}

/** Customers: leads that reached `closed_won`, with status and revenue. */
export class Customers extends Resource {
  /** Payments and refunds of a customer. */
  readonly transactions = new CustomerTransactions(this.core);

  /** Customers, newest first. A partner session sees only those its own leads became. */
  list(
    query: ListQuery<'listCustomers'> = {},
    options?: RequestOptions,
  ): PagePromise<Customer, CustomerPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/customers', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** One customer with its lead, status and revenue. */
  get(id: string, options?: RequestOptions): Promise<Customer> {
    return this.core.run(
      this.core.http.GET('/v1/customers/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }
}
