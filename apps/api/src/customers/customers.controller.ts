import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import {
  type CustomerDto,
  type CustomerTransactionDto,
  customerSchema,
  customerTransactionSchema,
} from './customer.dto';
import {
  type CreateCustomerTransactionBody,
  createCustomerTransactionBody,
  customerPageSchema,
  customerTransactionPageSchema,
  type ListCustomersQuery,
  type ListCustomerTransactionsQuery,
  listCustomersQuery,
  listCustomerTransactionsQuery,
} from './customers.dto';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  /** Customers, newest first. A partner sees only the customers its own leads became. */
  @PartnerAllowed()
  @Get()
  @ApiOkResponse({ standardSchema: customerPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listCustomers(
    @Scope() scope: TenantScope,
    @Query({ schema: listCustomersQuery }) query: ListCustomersQuery,
  ): Promise<Page<CustomerDto>> {
    return this.customers.list(scope, query);
  }

  /** One customer with its lead, status and revenue. */
  @PartnerAllowed()
  @Get(':id')
  @ApiOkResponse({ standardSchema: customerSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getCustomer(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<CustomerDto> {
    return this.customers.get(scope, id);
  }

  /** The customer's payments and refunds, newest first. */
  @PartnerAllowed()
  @Get(':id/transactions')
  @ApiOkResponse({ standardSchema: customerTransactionPageSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  listCustomerTransactions(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listCustomerTransactionsQuery }) query: ListCustomerTransactionsQuery,
  ): Promise<Page<CustomerTransactionDto>> {
    return this.customers.listTransactions(scope, id, query);
  }

  /**
   * Records a payment (201). Idempotent on `externalId`: the same id again answers 200 with the
   * transaction first recorded and changes nothing.
   */
  @Post(':id/transactions')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: customerTransactionSchema })
  @ApiOkResponse({
    standardSchema: customerTransactionSchema,
    description: 'This externalId was already recorded; nothing changed.',
  })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  async createCustomerTransaction(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: createCustomerTransactionBody }) body: CreateCustomerTransactionBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CustomerTransactionDto> {
    const result = await this.customers.recordTransaction(actorOf(principal), scope, id, body);
    if (!result.created) response.status(200);
    return result.transaction;
  }
}
