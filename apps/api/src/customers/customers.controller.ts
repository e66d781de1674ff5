import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { HttpReply } from '../common/http/http';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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

  @PartnerAllowed()
  @Get()
  @ApiOperation({
    summary: 'List customers',
    description:
      'Customers (won leads), newest first, with status and revenue. A partner sees only the customers its own leads became. Read-only.',
  })
  @ApiOkResponse({ standardSchema: customerPageSchema })
  listCustomers(
    @Scope() scope: TenantScope,
    @Query({ schema: listCustomersQuery }) query: ListCustomersQuery,
  ): Promise<Page<CustomerDto>> {
    return this.customers.list(scope, query);
  }

  @PartnerAllowed()
  @Get(':id')
  @ApiOperation({
    summary: 'Get a customer',
    description: 'One customer with its lead, status and revenue. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: customerSchema })
  getCustomer(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<CustomerDto> {
    return this.customers.get(scope, id);
  }

  @PartnerAllowed()
  @Get(':id/transactions')
  @ApiOperation({
    summary: "List a customer's transactions",
    description: "The customer's payments and refunds, newest first. Read-only.",
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: customerTransactionPageSchema })
  listCustomerTransactions(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listCustomerTransactionsQuery }) query: ListCustomerTransactionsQuery,
  ): Promise<Page<CustomerTransactionDto>> {
    return this.customers.listTransactions(scope, id, query);
  }

  @Post(':id/transactions')
  @ApiOperation({
    summary: 'Record a transaction',
    description:
      "Records a payment (or a refund, negative) for a customer: answers 201, marks the customer `paid` on its first payment, and creates the partner's percentage commissions. Idempotent on `externalId`: the same id again answers 200 with the transaction first recorded and changes nothing.",
  })
  @ApiProblems('not_found')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: customerTransactionSchema })
  @ApiOkResponse({
    standardSchema: customerTransactionSchema,
    description: 'This externalId was already recorded; nothing changed.',
  })
  async createCustomerTransaction(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: createCustomerTransactionBody }) body: CreateCustomerTransactionBody,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<CustomerTransactionDto> {
    const result = await this.customers.recordTransaction(actorOf(principal), scope, id, body);
    if (!result.created) response.status(200);
    return result.transaction;
  }
}
